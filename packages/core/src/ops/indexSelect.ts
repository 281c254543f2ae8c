import { ArgumentError, DTypeError, IndexError } from "../errors.js";
import { describeValue, dimAt, formatShape, normalizeAxis } from "../shape.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";
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
  const t = asTensor(x, undefined, "indexSelect");
  if (!(index instanceof Tensor))
    throw new ArgumentError(`indexSelect: index must be a Tensor, got ${describeValue(index)}`);
  if (index.dtype !== "int32")
    throw new DTypeError(`indexSelect: index must be int32, got ${index.dtype}`);
  if (index.ndim !== 1)
    throw new ArgumentError(`indexSelect: index must be 1-D, got rank ${index.ndim}`);
  const a = normalizeAxis("indexSelect", axis, t.ndim);
  const m = dimAt(index.shape, 0);
  const n = t.shape[a] ?? 1;
  const values = index.data();
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < 0 || v >= n)
      throw new IndexError(
        `indexSelect: index value ${v} at position ${i} is out of range for axis ${axis} of size ${n} (input shape ${formatShape(t.shape)})`,
      );
  }
  const spread = t.shape.map((_, k) => (k === a ? m : 1));
  const full = t.shape.map((d, k) => (k === a ? m : d));
  return gather(t, a, index.reshape(spread).expand(full));
}
