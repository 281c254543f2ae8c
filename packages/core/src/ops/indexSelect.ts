import { ArgumentError, DTypeError } from "../errors.js";
import { dimAt, normalizeAxis } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { gather } from "./gather.js";

/**
 * The entries of x at the int32 positions `index` (1-D) along `axis`, in that order (PyTorch's
 * `index_select`). Composed from gather, so its gradient comes for free.
 *
 * @example
 * indexSelect(tensor([[1, 2], [3, 4], [5, 6]]), 0, tensor([2, 0], { dtype: "int32" })); // [[5, 6], [1, 2]]
 */
export function indexSelect(x: TensorLike, axis: number, index: Tensor): Tensor {
  const t = asTensor(x);
  if (index.dtype !== "int32")
    throw new DTypeError(`indexSelect: index must be int32, got ${index.dtype}`);
  if (index.ndim !== 1)
    throw new ArgumentError(`indexSelect: index must be 1-D, got rank ${index.ndim}`);
  const a = normalizeAxis("indexSelect", axis, t.ndim);
  const m = dimAt(index.shape, 0);
  const spread = t.shape.map((_, k) => (k === a ? m : 1));
  const full = t.shape.map((d, k) => (k === a ? m : d));
  return gather(t, a, index.reshape(spread).expand(full));
}
