import { ArgumentError } from "../errors.js";
import { describeValue, formatShape } from "../shape.js";
import type { TensorLike } from "../tensor/tensor.js";
import { argsortChecked, checkFlag } from "./argsort.js";
import { asTensor } from "./convert.js";
import { gather } from "./gather.js";
import { checkAxis, type ValuesIndices } from "./values-indices.js";

/**
 * The k largest values along `axis` (the last by default), or the k smallest when `largest` is
 * false, as PyTorch's `torch.topk(x, k, dim, largest, sorted)`: `{ values, indices }` with int32
 * indices. The results are always sorted (largest first, or smallest first), ties keep the lower
 * index first, and NaN counts as the largest value. The values are differentiable: the gradient
 * goes back to the positions they came from.
 *
 * @example
 * const { values, indices } = topk(tensor([1, 5, 3, 4]), 2); // [5, 4], [1, 3]
 */
export function topk(
  x: TensorLike,
  k: number,
  axis = -1,
  largest = true,
  sorted = true,
): ValuesIndices {
  const t = asTensor(x, undefined, "topk");
  const a = checkAxis("topk", axis, t.ndim);
  checkFlag("topk", "largest", largest);
  checkFlag("topk", "sorted", sorted);
  const n = t.ndim === 0 ? 1 : (t.shape[a] ?? 1);
  if (typeof k !== "number" || !Number.isInteger(k) || k < 0 || k > n)
    throw new ArgumentError(
      `topk: k must be an integer from 0 to ${n} (the size of axis ${a} of shape ${formatShape(t.shape)}), got ${describeValue(k)}`,
    );
  if (t.ndim === 0) {
    const r = topk(t.reshape([1]), k, 0, largest, sorted);
    return k === 1 ? { values: r.values.reshape([]), indices: r.indices.reshape([]) } : r;
  }
  const order = argsortChecked("topk", t, a, largest);
  const indices = order.slice(t.shape.map((_, i) => (i === a ? [0, k] : null)));
  return { values: gather(t, a, indices), indices };
}
