import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { type Axes, defineReduction, keptShape, reduceAttrs } from "./reduction.js";

const maxOp = defineReduction({
  name: "max",
  kernel: "max",
  needsElements: true,
  // ∂ max(x)/∂xᵢ = 1/k for each of the k elements equal to the max, else 0 (ties share evenly)
  vjp: (g, { inputs: [x], output: y, attrs }) => {
    const t = x as Tensor;
    const kept = keptShape(t, attrs);
    const mask = t.eq(y.reshape(kept)).to(g.dtype);
    return [g.reshape(kept).mul(mask).div(mask.sum(attrs.axes, true))];
  },
});

/**
 * The largest value over `axes` (all when omitted); NaN if any reduced value is NaN.
 *
 * @example
 * max(tensor([[1, 5], [7, 2]]), 1); // [5, 7]
 */
export function max(x: TensorLike, axes?: Axes, keepDims = false): Tensor {
  const t = asTensor(x);
  return maxOp([t], reduceAttrs("max", t, axes, keepDims));
}
