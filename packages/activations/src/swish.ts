import { asTensor, sub, Tensor, type TensorLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { defineActivationBackward, defineFusedActivation, finiteOption } from "./internal.js";
import { sigmoid, sigmoidBackward } from "./sigmoid.js";
import { tanh } from "./tanh.js";

interface BetaAttrs {
  readonly beta: number;
}

/** (g, x) ↦ g ⊙ (σ(βx) + βx σ'(βx)): the backward op of swish, silu and GELU's sigmoid form. */
export const swishBackward = defineActivationBackward<BetaAttrs>({
  name: "swishBackward",
  kernel: () => "swish",
  params: (a) => [a.beta],
  // f'' = 2β σ'(βx) + β²x σ''(βx) = β σ'(βx) (2 − βx tanh(βx/2))
  second: (hg, x, { beta }) => {
    const v = x.mul(beta);
    return sigmoidBackward([hg, v], {})
      .mul(beta)
      .mul(sub(2, v.mul(tanh(v.mul(0.5)))));
  },
});

/** Swish with a fixed β, one fused kernel each way. */
export const swishOp = defineFusedActivation<BetaAttrs>({
  name: "swish",
  kernel: () => "swish",
  params: (a) => [a.beta],
  // f'(x) = σ(βx) + βx σ(βx)(1 − σ(βx))
  backward: (g, x, attrs) => swishBackward([g, x], attrs),
});

export interface SwishOptions {
  /**
   * β (default 1, which is SiLU). A tensor β (e.g. a learnable parameter) is broadcast against x
   * and receives a gradient.
   */
  beta?: number | Tensor;
}

/**
 * Swish x·σ(βx), elementwise: smooth, non-monotonic, bounded below (≈ −0.278 for β = 1).
 *
 * @example
 * swish(tensor([-1, 0, 1])); // [-0.2689, 0, 0.7311]
 * swish(x, { beta: tensor(1.5, { requiresGrad: true }) }); // learnable β
 */
export function swish(x: TensorLike, options: SwishOptions = {}): Tensor {
  const beta = options.beta ?? 1;
  const t = asTensor(x);
  // NOTE: a tensor β composes fused sigmoid and mul so that β gets its gradient x²σ'(βx).
  if (beta instanceof Tensor) return t.mul(sigmoid(t.mul(beta)));
  return swishOp([t], { beta: finiteOption("swish", "beta", beta) });
}

export const swishInfo: ActivationInfo = {
  name: "swish",
  formula: "x·σ(βx)",
  derivative: "σ(βx) + βx σ(βx)(1 − σ(βx))",
  parameters: [{ name: "beta", default: 1, description: "β, fixed or a learnable tensor" }],
  range: "≈[−0.278, ∞) for β = 1",
  monotonic: "no",
  zeroCentred: "no",
  smooth: true,
  boundedBelow: true,
  boundedAbove: false,
  kink: null,
  differentiable: true,
  remark:
    "Proposed by Google Brain: smooth, non-monotonic, unbounded above and bounded below. On MNIST it matches ReLU up to about 40 layers and outperforms it by a large margin between 40 and 50 layers.",
  apply: (x) => swish(x),
};
