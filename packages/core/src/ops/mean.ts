import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { type Axes, checkAxes, checkKeepDims } from "./reduction.js";
import { sum } from "./sum.js";

/** Number of elements reduced over `axes` of `x`. */
export function countOver(op: string, x: Tensor, axes: Axes): number {
  let n = 1;
  // a scalar accepts axis 0 (or −1), of size 1, as in PyTorch
  for (const a of checkAxes(op, x, axes)) n *= x.shape[a] ?? 1;
  return n;
}

/**
 * Mean over `axes` (all when omitted); int32 input gives float32. Composed from sum, so its
 * gradient comes for free.
 *
 * @example
 * mean(tensor([[1, 2], [3, 4]]), 0); // [2, 3]
 */
export function mean(x: TensorLike, axes?: Axes, keepDims = false): Tensor {
  const t = asTensor(x, undefined, "mean");
  checkKeepDims("mean", keepDims);
  const n = countOver("mean", t, axes);
  const f = t.dtype === "int32" ? t.to("float32") : t;
  return sum(f, axes, keepDims).div(n);
}
