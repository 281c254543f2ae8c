import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineOp, type Op } from "./define-op.js";
import { checkAxis } from "./values-indices.js";

/** The axis of a scan (non-negative), and whether it runs from the end (used by gradients). */
export interface ScanAttrs {
  readonly axis: number;
  readonly reverse: boolean;
}

/** The op behind `cumsum`; `reverse` sums from the end (its own vjp). */
export const cumsumOp: Op<[Tensor], ScanAttrs> = defineOp<[Tensor], ScanAttrs>({
  name: "cumsum",
  shape: ([x]) => x.shape,
  dtype: ([x]) => x.dtype,
  forward: (be, [x], { axis, reverse }, out) =>
    be.scan("cumsum", x.data, x.shape, axis, reverse, out.dtype),
  // ∂yᵢ/∂xⱼ = [j ≤ i]: each xⱼ receives the sum of g from j to the end (a reversed cumsum)
  vjp: (g, { attrs: { axis, reverse } }) => [cumsumOp([g], { axis, reverse: !reverse })],
});

/**
 * Cumulative sum along `axis`: out[i] = x[0] + … + x[i], as PyTorch's `torch.cumsum(x, dim)`.
 * int32 stays int32.
 *
 * @example
 * cumsum(tensor([[1, 2, 3], [4, 5, 6]]), 1); // [[1, 3, 6], [4, 9, 15]]
 */
export function cumsum(x: TensorLike, axis: number): Tensor {
  const t = asTensor(x, undefined, "cumsum");
  return cumsumOp([t], { axis: checkAxis("cumsum", axis, t.ndim), reverse: false });
}
