import { asTensor, type Tensor, type TensorLike, where, zerosLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import {
  defineActivationBackward,
  defineFusedActivation,
  finiteOption,
  positiveOption,
} from "./internal.js";
import { sigmoidBackward } from "./sigmoid.js";

interface SoftplusAttrs {
  readonly beta: number;
  readonly threshold: number;
}

/** (g, x) ↦ g ⊙ σ(βx) (g where βx > threshold): the backward op of softplus. */
export const softplusBackward = defineActivationBackward<SoftplusAttrs>({
  name: "softplusBackward",
  kernel: () => "softplus",
  params: (a) => [a.beta, a.threshold],
  // d/dx σ(βx) = β σ'(βx), and 0 on the linear part
  second: (hg, x, { beta, threshold }) => {
    const v = x.mul(beta);
    return where(v.gt(threshold), zerosLike(hg), sigmoidBackward([hg, v], {}).mul(beta));
  },
});

const softplusOp = defineFusedActivation<SoftplusAttrs>({
  name: "softplus",
  kernel: () => "softplus",
  params: (a) => [a.beta, a.threshold],
  // d/dx (1/β) ln(1 + e^{βx}) = σ(βx)
  backward: (g, x, attrs) => softplusBackward([g, x], attrs),
});

export interface SoftplusOptions {
  /** β > 0 (default 1). */
  beta?: number;
  /** Above βx > threshold the result is x itself (default 20, as in PyTorch); Infinity disables it. */
  threshold?: number;
}

/**
 * Softplus (1/β) ln(1 + e^{βx}), elementwise, computed as max(x, 0) + log1p(e^{−|βx|})/β so that
 * it never overflows and keeps full precision in the left tail (softplus(−40) = 4.25e-18).
 *
 * @example
 * softplus(tensor([-40, 0, 40])); // [4.248e-18, 0.6931, 40]
 */
export function softplus(x: TensorLike, options: SoftplusOptions = {}): Tensor {
  const beta = positiveOption("softplus", "beta", options.beta ?? 1);
  const threshold = options.threshold ?? 20;
  if (threshold !== Infinity) finiteOption("softplus", "threshold", threshold);
  return softplusOp([asTensor(x)], { beta, threshold });
}

export const softplusInfo: ActivationInfo = {
  name: "softplus",
  formula: "(1/β) ln(1 + e^{βx}); x where βx > threshold",
  derivative: "σ(βx) (1 where βx > threshold)",
  parameters: [
    { name: "beta", default: 1, description: "β > 0, the sharpness" },
    { name: "threshold", default: 20, description: "linear (f = x) where βx > threshold" },
  ],
  range: "(0, ∞)",
  monotonic: "yes",
  zeroCentred: "no",
  smooth: true,
  boundedBelow: true,
  boundedAbove: false,
  kink: null,
  differentiable: true,
  remark: "The lecture uses it inside Mish: f(z) = z·tanh(softplus(z)) = z·tanh(ln(1 + e^z)).",
  apply: (x) => softplus(x),
};
