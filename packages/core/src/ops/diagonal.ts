import { ArgumentError, ShapeError } from "../errors.js";
import { describeValue, dimAt, formatShape, normalizeAxis } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { permute } from "./permute.js";
import { slice } from "./slice.js";

function checkInteger(name: string, v: unknown): void {
  if (typeof v !== "number" || !Number.isInteger(v))
    throw new ArgumentError(`diagonal: ${name} must be an integer, got ${describeValue(v)}`);
}

/**
 * The diagonal of x in the planes spanned by axes `dim1` and `dim2`, as PyTorch's
 * `torch.diagonal(x, offset, dim1, dim2)`: both axes are removed and the diagonal becomes the last
 * axis, holding `x[…, i, i + offset, …]`. `offset` > 0 is above the main diagonal, < 0 below it;
 * the result is empty when the offset lies outside the plane.
 *
 * @example
 * diagonal(tensor([[1, 2], [3, 4]])).toArray(); // [1, 4]
 * diagonal(tensor([[1, 2], [3, 4]]), 1).toArray(); // [2]
 * diagonal(zeros([5, 2, 3]), 0, 1, 2).shape; // [5, 2]
 */
export function diagonal(x: TensorLike, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  const t = asTensor(x, undefined, "diagonal");
  checkInteger("offset", offset);
  checkInteger("dim1", dim1);
  checkInteger("dim2", dim2);
  if (t.ndim < 2) {
    throw new ShapeError(
      `diagonal: the input needs at least 2 dimensions, got shape ${formatShape(t.shape)}`,
    );
  }
  const d1 = normalizeAxis("diagonal", dim1, t.ndim);
  const d2 = normalizeAxis("diagonal", dim2, t.ndim);
  if (d1 === d2) {
    throw new ArgumentError(
      `diagonal: dim1 and dim2 must be different axes, got ${dim1} and ${dim2} for shape ${formatShape(t.shape)}`,
    );
  }
  return diagonalOf(t, offset, d1, d2);
}

/**
 * The diagonal for checked arguments (einsum calls it for a repeated subscript). Composed from
 * ops, so its gradient (a scatter of g onto the diagonal of zeros) and all higher ones come free:
 * the two axes are moved last and merged (a view when they already are last), and in the merged
 * axis of length rows·cols the diagonal is the strided slice start, start + cols + 1, ….
 */
export function diagonalOf(t: Tensor, offset: number, d1: number, d2: number): Tensor {
  const rest = t.shape.map((_, i) => i).filter((i) => i !== d1 && i !== d2);
  const restShape = rest.map((i) => dimAt(t.shape, i));
  const rows = dimAt(t.shape, d1);
  const cols = dimAt(t.shape, d2);
  const length = Math.max(
    0,
    offset >= 0 ? Math.min(rows, cols - offset) : Math.min(rows + offset, cols),
  );
  const flat = permute(t, [...rest, d1, d2]).reshape([...restShape, rows * cols]);
  const keep = rest.map(() => null);
  if (length === 0) return slice(flat, [...keep, [0, 0]]);
  const start = offset >= 0 ? offset : -offset * cols;
  const step = cols + 1;
  return slice(flat, [...keep, [start, start + (length - 1) * step + 1, step]]);
}
