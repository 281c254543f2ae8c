import { ArgumentError } from "../errors.js";
import { dimAt, normalizeAxis } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { slice } from "./slice.js";

/**
 * The slices of x along `dim`, that axis removed (PyTorch's `torch.unbind`): for a matrix and
 * dim 0, its rows. Each slice's gradient flows back into its place.
 *
 * @example
 * unbind(tensor([[1, 2], [3, 4]]), 1).map((c) => c.toArray()); // [[1, 3], [2, 4]]
 */
export function unbind(x: TensorLike, dim = 0): Tensor[] {
  const t = asTensor(x, undefined, "unbind");
  if (t.ndim === 0) throw new ArgumentError("unbind: cannot unbind a 0-d tensor (it has no axis)");
  const a = normalizeAxis("unbind", dim, t.ndim);
  const lead = new Array<null>(a).fill(null);
  return Array.from({ length: dimAt(t.shape, a) }, (_, i) => slice(t, [...lead, i]));
}
