import { asTensor, argmax as coreArgmax, type Tensor, type TensorLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";

export interface ArgmaxOptions {
  /** The axis to search along (default −1, the last). */
  axis?: number;
  /** Keep the searched axis as size 1 (default false). */
  keepDims?: boolean;
}

/**
 * Index (int32) of the largest value along an axis; ties give the first index. Not differentiable:
 * asking for a gradient through it is an error that suggests softmax, its differentiable stand-in.
 * This is core's `argmax` op with the activation's default axis (−1).
 *
 * @example
 * argmax(tensor([[1, 5, 5], [7, 2, 0]])); // [1, 0]
 */
export function argmax(x: TensorLike, options: ArgmaxOptions = {}): Tensor {
  return coreArgmax(asTensor(x), options.axis ?? -1, options.keepDims ?? false);
}

export const argmaxInfo: ActivationInfo = {
  name: "argmax",
  formula: "index of the largest value along an axis (the first one on ties)",
  derivative: "none: not differentiable",
  parameters: [{ name: "axis", default: -1, description: "the axis to search along" }],
  range: "integers",
  monotonic: "n/a",
  zeroCentred: "n/a",
  smooth: false,
  boundedBelow: true,
  boundedAbove: true,
  kink: null,
  differentiable: false,
  remark:
    "Returns the index of the highest value and knows nothing of the others; softmax is expected to be a differentiable alternative, and it is common to train with softmax.",
  apply: (x) => argmax(x),
};
