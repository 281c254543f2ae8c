import type { TensorLike } from "../tensor/tensor.js";
import { argsortChecked } from "./argsort.js";
import { asTensor } from "./convert.js";
import { gather } from "./gather.js";
import { checkAxis, type ValuesIndices } from "./values-indices.js";

/**
 * x sorted along `axis` (the last by default), ascending unless `descending`, as PyTorch's
 * `torch.sort(x, dim, descending, stable=True)`: `{ values, indices }` with int32 indices. Stable
 * (equal values keep their order); NaN sorts as the largest value. The values are differentiable:
 * each one's gradient goes back to the position it came from.
 *
 * @example
 * const { values, indices } = sort(tensor([3, 1, 2])); // [1, 2, 3], [1, 2, 0]
 * sort(tensor([[3, 1], [0, 4]]), 0, true).values; // [[3, 4], [0, 1]]
 */
export function sort(x: TensorLike, axis = -1, descending = false): ValuesIndices {
  const t = asTensor(x, undefined, "sort");
  const indices = argsortChecked("sort", t, axis, descending);
  const a = checkAxis("sort", axis, t.ndim);
  if (t.ndim === 0) return { values: t.clone(), indices };
  return { values: gather(t, a, indices), indices };
}
