import { ArgumentError, Tensor } from "@fluxion/core";

/**
 * A tensor that is a learnable parameter of a module, like PyTorch's `nn.Parameter`: a leaf that
 * requires grad (unless `requiresGrad` is false, for frozen weights). It shares the storage of the
 * tensor it is made from. Assigning one to a module's property registers it automatically.
 *
 * @example
 * class Scale extends Module {
 *   s = new Parameter(ones([1]));
 *   forward(x: Tensor) { return x.mul(this.s); }
 * }
 */
export class Parameter extends Tensor {
  constructor(data: Tensor, requiresGrad = true) {
    if (!(data instanceof Tensor))
      throw new ArgumentError(
        `Parameter: data must be a Tensor, got ${data === null ? "null" : typeof data}`,
      );
    super(data._storage, data.shape, data.dtype, null);
    this.requiresGrad = requiresGrad;
  }
}

/**
 * Whether `value` is a parameter of a module: a `Parameter`, or any leaf tensor that requires grad
 * (so `this.w = randn([3, 2]).requiresGrad_()` registers `w` too).
 *
 * @example
 * isParameter(new Parameter(zeros([2]))); // true
 */
export function isParameter(value: unknown): value is Tensor {
  return (
    value instanceof Parameter || (value instanceof Tensor && value.isLeaf && value.requiresGrad)
  );
}
