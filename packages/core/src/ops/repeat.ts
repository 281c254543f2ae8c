import { ArgumentError, ShapeError } from "../errors.js";
import { checkSize, describeValue, formatShape } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";

/** `reps` as a list of non-negative integers, or an error naming `op`. */
export function checkReps(op: string, reps: unknown): number[] {
  const list = typeof reps === "number" ? [reps] : reps;
  if (!Array.isArray(list) || !list.every((r) => Number.isInteger(r) && r >= 0)) {
    throw new ArgumentError(
      `${op}: repeats must be a non-negative integer or an array of them, got ${describeValue(reps)}`,
    );
  }
  return list;
}

/**
 * x tiled `reps[i]` times along each axis (PyTorch's `x.repeat(...)`, not `repeat_interleave`):
 * the whole tensor is copied, block after block. `reps` may be longer than x's rank; x is then
 * treated as having leading axes of size 1, so the result gains axes. Composed from `reshape` and
 * `expand`, so the gradient sums the copies back.
 *
 * @example
 * repeat(tensor([1, 2]), [2]); // [1, 2, 1, 2]
 * repeat(tensor([1, 2]), [2, 2]); // [[1, 2, 1, 2], [1, 2, 1, 2]]
 */
export function repeat(x: TensorLike, reps: number | readonly number[]): Tensor {
  const t = asTensor(x, undefined, "repeat");
  const r = checkReps("repeat", reps);
  if (r.length < t.ndim) {
    throw new ShapeError(
      `repeat: needs at least one repeat count per axis of x (shape ${formatShape(t.shape)}), got [${r.join(", ")}]; use tile to repeat only the trailing axes`,
    );
  }
  return tileTo("repeat", t, r);
}

/** x (of rank ≤ reps.length) tiled by `reps`: x as [1, d0, 1, d1, …], expanded to [r0, d0, …]. */
export function tileTo(op: string, t: Tensor, reps: readonly number[]): Tensor {
  const shape = [...new Array<number>(reps.length - t.ndim).fill(1), ...t.shape];
  const out = shape.map((d, i) => d * (reps[i] ?? 1));
  checkSize(op, out);
  if (reps.every((k) => k === 1)) return t.reshape(shape);
  return t
    .reshape(shape.flatMap((d) => [1, d]))
    .expand(shape.flatMap((d, i) => [reps[i] ?? 1, d]))
    .reshape(out);
}
