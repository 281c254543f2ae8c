import { add } from "@fluxion/core";
import { defineActivation } from "./define-activation.js";
import { sigmoid } from "./sigmoid.js";
import { softplus } from "./softplus.js";
import { tanh } from "./tanh.js";

/**
 * Mish x·tanh(softplus x), elementwise: smooth, non-monotonic, bounded below (≈ −0.309).
 * tanh(ln(1 + eˣ)) is evaluated as a ratio of polynomials in eˣ (or e⁻ˣ) that neither cancels nor
 * overflows, so values and gradients stay exact in both tails and finite at ±1e4.
 *
 * @example
 * mish(tensor([-1, 0, 1])); // [-0.3034, 0, 0.8651]
 */
export const mish = defineActivation({
  name: "mish",
  options: {},
  kernel: "mish",
  params: () => [],
  // t = tanh(sp), s = σ(x): f'' = sech²(sp) s (2 + x(1 − s − 2ts))
  second: (hg, x) => {
    const sp = softplus(x, { threshold: Infinity });
    const s = sigmoid(x);
    const t = tanh(sp);
    const bracket = add(2, x.mul(sigmoid(x.neg()).sub(t.mul(s).mul(2))));
    return tanh.backward([hg.mul(s), sp], []).mul(bracket);
  },
  about: {
    formula: "x·tanh(softplus x) = x·tanh(ln(1 + eˣ))",
    derivative: "tanh(sp) + x sech²(sp) σ(x), sp = softplus x",
    range: "≈[−0.309, ∞)",
    monotonic: "no",
    zeroCentred: "no",
    smooth: true,
    boundedBelow: true,
    boundedAbove: false,
    kink: null,
    remark:
      "Inspired by Swish and shown to outperform it in a variety of computer-vision tasks; “found by systematic analysis and experimentation over the characteristics that made Swish so effective”. Mish seems to be the best activation in stock, but the jury is still out.",
  },
  layer: "Mish",
  test: { cases: [{ label: "default" }] },
});
