import { asTensor, type Tensor, type TensorLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { defineActivationBackward, defineFusedActivation } from "./internal.js";

/** (g, x) ↦ g ⊙ sech²(x), the backward op of tanh. */
export const tanhBackward = defineActivationBackward<Record<string, never>>({
  name: "tanhBackward",
  kernel: () => "tanh",
  params: () => [],
  // d/dx sech² x = −2 tanh x sech² x
  second: (hg, x, attrs, self) => self([hg, x], attrs).mul(tanh(x)).mul(-2),
});

const tanhOp = defineFusedActivation<Record<string, never>>({
  name: "tanh",
  kernel: () => "tanh",
  params: () => [],
  // d/dx tanh x = sech² x = 1 − tanh² x
  backward: (g, x) => tanhBackward([g, x], {}),
});

/**
 * tanh x, elementwise (range (−1, 1), odd, zero-centred). Its derivative sech² x is computed from
 * x, so it keeps full precision where tanh saturates.
 *
 * @example
 * tanh(tensor([-1, 0, 1])); // [-0.7616, 0, 0.7616]
 */
export function tanh(x: TensorLike): Tensor {
  return tanhOp([asTensor(x)], {});
}

export const tanhInfo: ActivationInfo = {
  name: "tanh",
  formula: "tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)",
  derivative: "1 − tanh² x",
  parameters: [],
  range: "(−1, 1)",
  monotonic: "yes",
  zeroCentred: "yes",
  smooth: true,
  boundedBelow: true,
  boundedAbove: true,
  kink: null,
  differentiable: true,
  remark:
    "Mathematically a shifted version of the sigmoid; non-linear but zero-centred, which helps in hidden layers; its gradient is stronger than sigmoid's, but the vanishing gradient has not gone away.",
  apply: (x) => tanh(x),
};
