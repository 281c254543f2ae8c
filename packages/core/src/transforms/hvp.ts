import { grad, vjp } from "../autodiff/functional.js";
import { ArgumentError, GraphError } from "../errors.js";
import { formatShape } from "../shape.js";
import { zeros } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { checkDifferentiable, checkLike, checkOutput, type TensorFn, toTensor } from "./args.js";

/**
 * The Hessian-vector product of a scalar f at `primals` along `tangents`, without forming the
 * Hessian, like `torch.autograd.functional.hvp`: returns [f(primals), H·v], H·v having one entry
 * per primal (Σⱼ ∂²f/∂xᵢ∂xⱼ · vⱼ). Reverse-over-reverse: the gradient of ⟨∇f, v⟩, two backward
 * passes whatever the size of x.
 *
 * @example
 * const [value, [hv]] = hvp((x) => x.pow(3).sum(), [tensor([1, 2])], [tensor([1, 1])]);
 * hv.toArray(); // [6, 12]
 */
export function hvp(
  f: TensorFn,
  primals: readonly TensorLike[],
  tangents: readonly TensorLike[],
): [Tensor, Tensor[]] {
  const op = "hvp";
  if (typeof f !== "function") throw new ArgumentError(`${op}: f must be a function`);
  if (!Array.isArray(primals) || !Array.isArray(tangents))
    throw new ArgumentError(`${op}: primals and tangents must be arrays (one entry per argument)`);
  if (primals.length !== tangents.length || primals.length === 0)
    throw new ArgumentError(
      `${op}: got ${primals.length} primals and ${tangents.length} tangents; give one tangent per primal (at least one)`,
    );
  const xs = primals.map((p, i) => toTensor(op, `primals[${i}]`, p));
  const vs = tangents.map((t, i) => toTensor(op, `tangents[${i}]`, t));
  xs.forEach((x, i) => {
    checkDifferentiable(op, `primals[${i}]`, x);
    checkLike(op, `tangents[${i}]`, vs[i] as Tensor, x, `primals[${i}]`);
  });
  const all = xs.map((_, i) => i);
  const scalarF: TensorFn = (...args) => {
    const out = checkOutput(op, f(...args));
    if (out.size !== 1)
      throw new GraphError(
        `${op}: the function must return a one-element tensor, got shape ${formatShape(out.shape)}`,
      );
    return out;
  };
  // ⟨∇f(x), v⟩ as a function of x; its gradient is H·v
  const gradDotV = (...args: Tensor[]) =>
    grad(scalarF, { argnums: all })(...args).reduce<Tensor>(
      (acc, g, i) => acc.add(g.mul((vs[i] as Tensor).to(g.dtype)).sum()),
      zeros([], { dtype: (args[0] as Tensor).dtype }),
    );
  // the value as vjp gives it: detached at top level, differentiable inside another transform
  const [value] = vjp(scalarF, ...xs);
  const hv = grad(gradDotV, { argnums: all })(...xs);
  return [value, hv];
}
