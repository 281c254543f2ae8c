import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { type Axes, defineExtremum, reduceAttrs } from "./reduction.js";

// ∂ max(x)/∂xᵢ = 1/k for each of the k elements equal to the max, else 0 (ties share evenly)
const maxOp = defineExtremum("max");

/**
 * The largest value over `axes` (all when omitted); NaN if any reduced value is NaN.
 *
 * @example
 * max(tensor([[1, 5], [7, 2]]), 1); // [5, 7]
 */
export function max(x: TensorLike, axes?: Axes, keepDims = false): Tensor {
  const t = asTensor(x, undefined, "max");
  return maxOp([t], reduceAttrs("max", t, axes, keepDims));
}
