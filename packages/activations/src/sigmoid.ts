import { asTensor, type Tensor, type TensorLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { defineActivationBackward, defineFusedActivation } from "./internal.js";
import { tanh } from "./tanh.js";

/** (g, x) ↦ g ⊙ σ'(x), the backward op of sigmoid. */
export const sigmoidBackward = defineActivationBackward<Record<string, never>>({
  name: "sigmoidBackward",
  kernel: () => "sigmoid",
  params: () => [],
  // σ'' = σ'(1 − 2σ) = −σ' tanh(x/2)
  second: (hg, x, attrs, self) => self([hg, x], attrs).mul(tanh(x.mul(0.5)).neg()),
});

const sigmoidOp = defineFusedActivation<Record<string, never>>({
  name: "sigmoid",
  kernel: () => "sigmoid",
  params: () => [],
  // σ' = σ(1 − σ), computed from x as e^−|x|/(1 + e^−|x|)²
  backward: (g, x) => sigmoidBackward([g, x], {}),
});

/**
 * The logistic sigmoid σ(x) = 1/(1 + e^−x), elementwise, in (0, 1). Never overflows (e^x/(1 + e^x)
 * for x < 0), and its derivative keeps full precision in both tails.
 *
 * @example
 * sigmoid(tensor([-40, 0, 2])); // [4.248e-18, 0.5, 0.8808]
 */
export function sigmoid(x: TensorLike): Tensor {
  return sigmoidOp([asTensor(x)], {});
}

export const sigmoidInfo: ActivationInfo = {
  name: "sigmoid",
  formula: "σ(x) = 1 / (1 + e^−x)",
  derivative: "σ(x)(1 − σ(x))",
  parameters: [],
  range: "(0, 1)",
  monotonic: "yes",
  zeroCentred: "no",
  smooth: true,
  boundedBelow: true,
  boundedAbove: true,
  kink: null,
  differentiable: true,
  remark:
    "Non-linear, continuously differentiable, monotonic, with a fixed output range; good for binary classification. Towards either end it becomes sluggish (vanishing gradients), and its output is not zero-centred: sigmoid saturates and kills gradients.",
  apply: (x) => sigmoid(x),
};
