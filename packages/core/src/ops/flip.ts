import { ArgumentError } from "../errors.js";
import { describeValue, dimAt, normalizeAxis } from "../shape.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { indexSelect } from "./indexSelect.js";

/** `axes` (one axis or a list) resolved against `rank`; duplicates are an error naming `op`. */
export function distinctAxes(op: string, arg: string, axes: unknown, rank: number): number[] {
  const list = typeof axes === "number" ? [axes] : axes;
  if (!Array.isArray(list) || !list.every((a) => typeof a === "number")) {
    throw new ArgumentError(
      `${op}: ${arg} must be an axis or an array of axes, got ${describeValue(axes)}`,
    );
  }
  const out = list.map((a: number) => normalizeAxis(op, a, rank));
  const dup = out.find((a, i) => out.indexOf(a) !== i);
  if (dup !== undefined) {
    throw new ArgumentError(`${op}: ${arg} [${list.join(", ")}] names axis ${dup} more than once`);
  }
  return out;
}

/**
 * x with the order of its entries reversed along each of `dims` (PyTorch's `torch.flip`).
 * Composed from `indexSelect`; the gradient is the incoming one flipped back.
 *
 * @example
 * flip(tensor([[1, 2], [3, 4]]), [1]); // [[2, 1], [4, 3]]
 * flip(tensor([[1, 2], [3, 4]]), [0, 1]); // [[4, 3], [2, 1]]
 */
export function flip(x: TensorLike, dims: number | readonly number[]): Tensor {
  const t = asTensor(x, undefined, "flip");
  const axes = distinctAxes("flip", "dims", dims, Math.max(t.ndim, 1));
  let out = t;
  for (const a of t.ndim === 0 ? [] : axes) {
    const n = dimAt(t.shape, a);
    if (n < 2) continue;
    const reversed = new Int32Array(n);
    for (let i = 0; i < n; i++) reversed[i] = n - 1 - i;
    out = indexSelect(out, a, Tensor._fromData(reversed, [n], "int32"));
  }
  return out;
}
