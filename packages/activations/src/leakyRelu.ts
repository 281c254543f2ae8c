import { asTensor, type Tensor, type TensorLike, zerosLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { defineActivationBackward, defineFusedActivation, finiteOption } from "./internal.js";

interface SlopeAttrs {
  readonly negativeSlope: number;
}

/** (g, x) ↦ g where x > 0, else a·g: the backward op of leakyRelu. */
export const leakyReluBackward = defineActivationBackward<SlopeAttrs>({
  name: "leakyReluBackward",
  kernel: () => "leakyRelu",
  params: (a) => [a.negativeSlope],
  // leakyRelu'' = 0 (away from the kink)
  second: (hg) => zerosLike(hg),
});

const leakyReluOp = defineFusedActivation<SlopeAttrs>({
  name: "leakyRelu",
  kernel: () => "leakyRelu",
  params: (a) => [a.negativeSlope],
  // f'(x) = 1 if x > 0 else a, so f'(0) = a
  backward: (g, x, attrs) => leakyReluBackward([g, x], attrs),
});

export interface LeakyReluOptions {
  /** Slope a for x < 0 (default 0.01). */
  negativeSlope?: number;
}

/**
 * Leaky ReLU: x if x ≥ 0 else a·x, elementwise. Its derivative at 0 is a.
 *
 * @example
 * leakyRelu(tensor([-2, 3]), { negativeSlope: 0.1 }); // [-0.2, 3]
 */
export function leakyRelu(x: TensorLike, options: LeakyReluOptions = {}): Tensor {
  const negativeSlope = finiteOption("leakyRelu", "negativeSlope", options.negativeSlope ?? 0.01);
  return leakyReluOp([asTensor(x)], { negativeSlope });
}

export const leakyReluInfo: ActivationInfo = {
  name: "leakyRelu",
  formula: "x if x ≥ 0 else a·x",
  derivative: "1 if x > 0 else a",
  parameters: [{ name: "negativeSlope", default: 0.01, description: "slope a for x < 0" }],
  range: "ℝ",
  monotonic: "yes",
  zeroCentred: "no",
  smooth: false,
  boundedBelow: false,
  boundedAbove: false,
  kink: { at: 0, derivative: "f'(0) = a" },
  differentiable: true,
  remark:
    "An attempt to fix the dying ReLU problem with a small negative slope (0.01 or so); its benefits across architectures are still being investigated.",
  apply: (x) => leakyRelu(x),
};
