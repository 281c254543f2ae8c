import { argmax } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";

/**
 * argmax is core's op (`argmax` from @fluxion/core, `x.argmax()`), listed with the activations
 * because the lecture treats it as one: softmax is its differentiable stand-in.
 */
export const argmaxInfo: ActivationInfo = {
  name: "argmax",
  formula: "index of the largest value, over all elements (as torch.argmax) or along an axis",
  derivative: "none: not differentiable",
  parameters: [
    { name: "axis", default: null, description: "the axis to search along (none: flattened)" },
    { name: "keepDims", default: false, description: "keep the searched axis as size 1" },
  ],
  range: "integers",
  monotonic: "n/a",
  zeroCentred: "n/a",
  smooth: false,
  boundedBelow: true,
  boundedAbove: true,
  kink: null,
  differentiable: false,
  kind: "axis",
  layer: null,
  method: false,
  remark:
    "Returns the index of the highest value and knows nothing of the others; softmax is expected to be a differentiable alternative, and it is common to train with softmax.",
  apply: (x) => argmax(x, -1),
};
