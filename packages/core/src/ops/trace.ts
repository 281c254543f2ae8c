import { ShapeError } from "../errors.js";
import { formatShape } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { diagonalOf } from "./diagonal.js";

/**
 * Sum of the main diagonal of a matrix, a 0-d tensor, as PyTorch's `torch.trace` (2-D only; for
 * batches use `diagonal(x, { dim1: -2, dim2: -1 }).sum(-1)` or `einsum("...ii->...", x)`).
 *
 * @example
 * trace(tensor([[1, 2], [3, 4]])).item(); // 5
 */
export function trace(x: TensorLike): Tensor {
  const t = asTensor(x, undefined, "trace");
  if (t.ndim !== 2) {
    throw new ShapeError(`trace: expected a matrix (2-D), got shape ${formatShape(t.shape)}`);
  }
  // a strided slice of the diagonal, then its sum: the gradient is g on the diagonal, 0 elsewhere
  return diagonalOf(t, 0, 0, 1).sum();
}
