import { add, asTensor, type Tensor, type TensorLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { defineActivationBackward, defineFusedActivation } from "./internal.js";
import { sigmoid } from "./sigmoid.js";
import { softplus } from "./softplus.js";
import { tanh, tanhBackward } from "./tanh.js";

/** (g, x) ↦ g ⊙ (tanh(sp) + x sech²(sp) σ(x)), sp = softplus x: the backward op of mish. */
export const mishBackward = defineActivationBackward<Record<string, never>>({
  name: "mishBackward",
  kernel: () => "mish",
  params: () => [],
  // t = tanh(sp), s = σ(x): f'' = sech²(sp) s (2 + x(1 − s − 2ts))
  second: (hg, x) => {
    const sp = softplus(x, { threshold: Infinity });
    const s = sigmoid(x);
    const t = tanh(sp);
    const bracket = add(2, x.mul(sigmoid(x.neg()).sub(t.mul(s).mul(2))));
    return tanhBackward([hg.mul(s), sp], {}).mul(bracket);
  },
});

const mishOp = defineFusedActivation<Record<string, never>>({
  name: "mish",
  kernel: () => "mish",
  params: () => [],
  // f'(x) = tanh(sp) + x sech²(sp) σ(x)
  backward: (g, x) => mishBackward([g, x], {}),
});

/**
 * Mish x·tanh(softplus x), elementwise: smooth, non-monotonic, bounded below (≈ −0.309).
 * tanh(ln(1 + eˣ)) is evaluated as a ratio of polynomials in eˣ (or e⁻ˣ) that neither cancels nor
 * overflows, so values and gradients stay exact in both tails and finite at ±1e4.
 *
 * @example
 * mish(tensor([-1, 0, 1])); // [-0.3034, 0, 0.8651]
 */
export function mish(x: TensorLike): Tensor {
  return mishOp([asTensor(x)], {});
}

export const mishInfo: ActivationInfo = {
  name: "mish",
  formula: "x·tanh(softplus x) = x·tanh(ln(1 + eˣ))",
  derivative: "tanh(sp) + x sech²(sp) σ(x), sp = softplus x",
  parameters: [],
  range: "≈[−0.309, ∞)",
  monotonic: "no",
  zeroCentred: "no",
  smooth: true,
  boundedBelow: true,
  boundedAbove: false,
  kink: null,
  differentiable: true,
  remark:
    "Inspired by Swish and shown to outperform it in a variety of computer-vision tasks; “found by systematic analysis and experimentation over the characteristics that made Swish so effective”. Mish seems to be the best activation in stock, but the jury is still out.",
  apply: (x) => mish(x),
};
