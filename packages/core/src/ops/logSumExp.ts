import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { max } from "./max.js";
import { type Axes, checkAxes, checkKeepDims } from "./reduction.js";
import { sum } from "./sum.js";
import { where } from "./where.js";

/**
 * log Σ exp(x) over `axes` (all when omitted), computed stably as m + log Σ exp(x − m) with m the
 * (detached) maximum, so it neither overflows nor underflows. Its gradient is softmax(x).
 *
 * @example
 * logSumExp(tensor([1000, 1000])); // 1000.6931, not Infinity
 */
export function logSumExp(x: TensorLike, axes?: Axes, keepDims = false): Tensor {
  const t = asTensor(x, undefined, "logSumExp");
  const list = checkAxes("logSumExp", t, axes);
  checkKeepDims("logSumExp", keepDims);
  // log Σ over no elements is log 0 = −∞ (PyTorch's value), kept differentiable through sum
  if (list.some((a) => t.shape[a] === 0)) return sum(t, axes, keepDims).add(-Infinity);
  const m0 = max(t, axes, true).detach();
  // NOTE: an infinite maximum (all −∞, or a +∞) is replaced by 0 so that x − m is not NaN.
  const m = where(m0.abs().lt(Infinity), m0, 0);
  const r = t.sub(m).exp().sum(axes, true).log().add(m);
  return keepDims ? r : r.squeeze(axes ?? r.shape.map((_, i) => i));
}
