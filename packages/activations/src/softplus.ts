import { where, zerosLike } from "@fluxion/core";
import { type ActivationOptions, defineActivation } from "./define-activation.js";
import { numberOption } from "./options.js";
import { sigmoid } from "./sigmoid.js";

/**
 * Softplus (1/β) ln(1 + e^{βx}), elementwise, computed as max(x, 0) + log1p(e^{−|βx|})/β so that
 * it never overflows and keeps full precision in the left tail (softplus(−40) = 4.25e-18). Where
 * βx > threshold the result is x itself, as in PyTorch.
 *
 * @example
 * softplus(tensor([-40, 0, 40])); // [4.248e-18, 0.6931, 40]
 */
export const softplus = defineActivation({
  name: "softplus",
  options: {
    beta: numberOption(1, "β > 0, the sharpness", { positive: true }),
    threshold: numberOption(20, "linear (f = x) where βx > threshold; Infinity: never", {
      allowInfinity: true,
    }),
  },
  kernel: "softplus",
  params: (o) => [o.beta, o.threshold],
  // d/dx σ(βx) = β σ'(βx), and 0 on the linear part
  second: (hg, x, [beta, threshold]) => {
    const v = x.mul(beta);
    return where(v.gt(threshold), zerosLike(hg), sigmoid.backward([hg, v], []).mul(beta));
  },
  about: {
    formula: "(1/β) ln(1 + e^{βx}); x where βx > threshold",
    derivative: "σ(βx) (1 where βx > threshold)",
    range: "(0, ∞)",
    monotonic: "yes",
    zeroCentred: "no",
    smooth: true,
    boundedBelow: true,
    boundedAbove: false,
    kink: null,
    remark: "The lecture uses it inside Mish: f(z) = z·tanh(softplus(z)) = z·tanh(ln(1 + e^z)).",
  },
  layer: "Softplus",
  test: {
    cases: [
      { label: "default" },
      {
        label: "beta 2, threshold 3 (linear part drawn too)",
        options: { beta: 2, threshold: 3 },
        avoid: [1.5],
      },
    ],
  },
});

/** Options of {@link softplus}. */
export type SoftplusOptions = ActivationOptions<typeof softplus>;
