import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { type Axes, defineExtremum, reduceAttrs } from "./reduction.js";

// ∂ min(x)/∂xᵢ = 1/k for each of the k elements equal to the min, else 0 (ties share evenly)
const minOp = defineExtremum("min");

/**
 * The smallest value over `axes` (all when omitted); NaN if any reduced value is NaN.
 *
 * @example
 * min(tensor([[1, 5], [7, 2]]), 1); // [1, 2]
 */
export function min(x: TensorLike, axes?: Axes, keepDims = false): Tensor {
  const t = asTensor(x, undefined, "min");
  return minOp([t], reduceAttrs("min", t, axes, keepDims));
}
