import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { type Axes, defineReduction, keptShape, reduceAttrs } from "./reduction.js";

const sumOp = defineReduction({
  name: "sum",
  kernel: "sum",
  needsElements: false,
  // ∂(Σ xᵢ)/∂xᵢ = 1: the gradient is broadcast back over the reduced axes (backward expands it,
  // unless the rule it goes to takes it as it is)
  vjp: (g, { inputs: [x], attrs }) => [g.reshape(keptShape(x, attrs))],
});

/**
 * Sum over `axes` (all when omitted); `keepDims` keeps them as size-1 axes.
 *
 * @example
 * sum(tensor([[1, 2], [3, 4]]), 1); // [3, 7]
 */
export function sum(x: TensorLike, axes?: Axes, keepDims = false): Tensor {
  const t = asTensor(x, undefined, "sum");
  return sumOp([t], reduceAttrs("sum", t, axes, keepDims));
}
