import { asTensor, type Tensor, type TensorLike, zerosLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { defineActivationBackward, defineFusedActivation } from "./internal.js";

/** (g, x) ↦ g where x > 0, else 0: the backward op of relu. */
export const reluBackward = defineActivationBackward<Record<string, never>>({
  name: "reluBackward",
  kernel: () => "relu",
  params: () => [],
  // relu'' = 0 (away from the kink)
  second: (hg) => zerosLike(hg),
});

const reluOp = defineFusedActivation<Record<string, never>>({
  name: "relu",
  kernel: () => "relu",
  params: () => [],
  // relu'(x) = 1 if x > 0 else 0, so relu'(0) = 0
  backward: (g, x) => reluBackward([g, x], {}),
});

/**
 * The rectified linear unit max(0, x), elementwise. Its derivative at 0 is taken as 0.
 *
 * @example
 * relu(tensor([-2, 0, 3])); // [0, 0, 3]
 */
export function relu(x: TensorLike): Tensor {
  return reluOp([asTensor(x)], {});
}

export const reluInfo: ActivationInfo = {
  name: "relu",
  formula: "max(0, x)",
  derivative: "1 if x > 0 else 0",
  parameters: [],
  range: "[0, ∞)",
  monotonic: "yes",
  zeroCentred: "no",
  smooth: false,
  boundedBelow: true,
  boundedAbove: false,
  kink: { at: 0, derivative: "f'(0) = 0" },
  differentiable: true,
  remark:
    "Better performance than sigmoid or tanh in almost all models and cheaper to compute, but for x < 0 the gradient is zero: units can die (the lecture says close to 40% dead neurons), and the unbounded range can blow up the activation.",
  apply: (x) => relu(x),
};
