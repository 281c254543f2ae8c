import { ArgumentError, ShapeError } from "../errors.js";
import { describeValue, dimAt, formatShape } from "../shape.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { where } from "./where.js";

/**
 * x with the entries on one side of a diagonal of its last two axes set to 0: `lower` keeps
 * j − i ≤ diagonal (tril), otherwise j − i ≥ diagonal (triu). Shared by `tril` and `triu`.
 */
export function triangle(op: string, x: TensorLike, diagonal: number, lower: boolean): Tensor {
  const t = asTensor(x, undefined, op);
  if (typeof diagonal !== "number" || !Number.isInteger(diagonal)) {
    throw new ArgumentError(`${op}: diagonal must be an integer, got ${describeValue(diagonal)}`);
  }
  if (t.ndim < 2) {
    throw new ShapeError(
      `${op}: input must have at least 2 dimensions (a matrix or a batch of them), got shape ${formatShape(t.shape)}`,
    );
  }
  const rows = dimAt(t.shape, t.ndim - 2);
  const cols = dimAt(t.shape, t.ndim - 1);
  const keep = new Int32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      keep[i * cols + j] = (lower ? j - i <= diagonal : j - i >= diagonal) ? 1 : 0;
    }
  }
  // the [rows, cols] mask broadcasts over the leading (batch) axes
  return where(Tensor._fromData(keep, [rows, cols], "int32"), t, 0);
}

/**
 * The lower triangle of a matrix (or of each matrix in a batch: the last two axes), the rest set
 * to 0 (PyTorch's `torch.tril`). `diagonal` moves the boundary: 0 keeps the main diagonal, 1 also
 * the one above it, −1 drops the main diagonal. Its gradient is the incoming one, masked the same way.
 *
 * @example
 * tril(ones([3, 3])); // [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
 * tril(ones([2, 3]), 1); // [[1, 1, 0], [1, 1, 1]]
 */
export function tril(x: TensorLike, diagonal = 0): Tensor {
  return triangle("tril", x, diagonal, true);
}
