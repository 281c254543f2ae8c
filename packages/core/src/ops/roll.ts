import { ArgumentError } from "../errors.js";
import { describeValue, dimAt } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { concat } from "./concat.js";
import { asTensor } from "./convert.js";
import { distinctAxes } from "./flip.js";
import { slice } from "./slice.js";

/** x rolled by `shift` along `axis`: the last `shift` entries move to the front. */
function rollAxis(x: Tensor, shift: number, axis: number): Tensor {
  const n = dimAt(x.shape, axis);
  if (n === 0) return x;
  const s = ((shift % n) + n) % n;
  if (s === 0) return x;
  const lead = new Array<null>(axis).fill(null);
  return concat([slice(x, [...lead, [n - s, n]]), slice(x, [...lead, [0, n - s]])], axis);
}

/**
 * x with its entries shifted cyclically by `shifts` along `dims` (PyTorch's `torch.roll`): entries
 * pushed past the end come back at the start; negative shifts go the other way. Several shifts
 * and dims (lists of one length) roll several axes. Without `dims`, x is rolled as if flattened,
 * then given its shape back. Composed from `slice` and `concat`.
 *
 * @example
 * roll(tensor([1, 2, 3, 4]), 1); // [4, 1, 2, 3]
 * roll(tensor([[1, 2], [3, 4]]), [1, -1], [0, 1]); // [[4, 3], [2, 1]]
 */
export function roll(
  x: TensorLike,
  shifts: number | readonly number[],
  dims?: number | readonly number[],
): Tensor {
  const t = asTensor(x, undefined, "roll");
  const list = typeof shifts === "number" ? [shifts] : shifts;
  if (!Array.isArray(list) || !list.every((s) => Number.isInteger(s))) {
    throw new ArgumentError(
      `roll: shifts must be an integer or an array of integers, got ${describeValue(shifts)}`,
    );
  }
  if (dims === undefined) {
    const [only] = list;
    if (list.length !== 1 || only === undefined) {
      throw new ArgumentError(
        `roll: without dims, shifts must be one integer (x is rolled as flattened), got [${list.join(", ")}]`,
      );
    }
    if (t.ndim === 0) return t;
    return rollAxis(t.reshape([-1]), only, 0).reshape(t.shape);
  }
  const axes = distinctAxes("roll", "dims", dims, Math.max(t.ndim, 1));
  if (axes.length !== list.length) {
    throw new ArgumentError(
      `roll: shifts and dims must have the same length, got ${list.length} shift(s) [${list.join(", ")}] and ${axes.length} dim(s)`,
    );
  }
  if (t.ndim === 0) return t;
  let out = t;
  list.forEach((s, i) => {
    out = rollAxis(out, s, axes[i] ?? 0);
  });
  return out;
}
