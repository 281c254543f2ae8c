import { ones } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { concat } from "./concat.js";
import { asTensor } from "./convert.js";
import { cumprodOp } from "./cumprod.js";
import { type Axes, defineReduction, keptShape, reduceAttrs } from "./reduction.js";

/**
 * Π_{k ≠ i} xₖ over the reduced `axes` for every i, without dividing by x: the reduced axes are
 * moved last and merged, then the product before i (an exclusive cumprod) times the product after
 * i (an exclusive cumprod from the end), as PyTorch's prod_safe_zeros_backward.
 */
function productOfOthers(x: Tensor, axes: readonly number[]): Tensor {
  const keptAxes = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const perm = [...keptAxes, ...axes];
  const moved = x.permute(perm);
  const outer = keptAxes.map((i) => x.shape[i] ?? 1);
  const n = axes.reduce((p, a) => p * (x.shape[a] ?? 1), 1);
  const flat = moved.reshape([...outer, n]);
  const last = outer.length;
  const one = ones([...outer, 1], { dtype: x.dtype });
  const all = outer.map(() => null);
  const before = cumprodOp([concat([one, flat.slice([...all, [0, n - 1]])], last)], {
    axis: last,
    reverse: false,
  });
  const after = cumprodOp([concat([flat.slice([...all, [1, n]]), one], last)], {
    axis: last,
    reverse: true,
  });
  const inverse = perm.map((_, i) => perm.indexOf(i));
  return before.mul(after).reshape(moved.shape).permute(inverse);
}

const prodOp = defineReduction({
  name: "prod",
  kernel: "prod",
  needsElements: false,
  // ∂(Π xₖ)/∂xᵢ = Π_{k≠i} xₖ, as the exclusive products (exact with zeros)
  // NOTE: PyTorch divides, y / xᵢ, where x has no zero; the exclusive products cost a few more O(n)
  // passes but never divide, so neither the gradient nor its derivative loses accuracy where a
  // product underflows or |xᵢ| is tiny (y / xᵢ² in grad-of-grad cancels catastrophically there).
  vjp: (g, { inputs: [x], attrs }) => {
    const gk = g.reshape(keptShape(x, attrs));
    if (attrs.axes.length === 0 || x.size === 0) return [gk.expand(x.shape)];
    return [gk.mul(productOfOthers(x, attrs.axes))];
  },
});

/**
 * Product over `axes` (all when omitted); `keepDims` keeps them as size-1 axes. As PyTorch's
 * `torch.prod`: 1 over no elements, int32 stays int32, and the gradient is exact where x has
 * zeros (one zero, or several).
 *
 * @example
 * prod(tensor([[1, 2], [3, 4]]), 1); // [2, 12]
 */
export function prod(x: TensorLike, axes?: Axes, keepDims = false): Tensor {
  const t = asTensor(x, undefined, "prod");
  return prodOp([t], reduceAttrs("prod", t, axes, keepDims));
}
