import { sub } from "@fluxion/core";
import { defineActivation } from "./define-activation.js";
import { sigmoid } from "./sigmoid.js";
import { tanh } from "./tanh.js";

/**
 * SiLU x·σ(x), swish with β = 1, elementwise.
 *
 * @example
 * silu(tensor([-1, 0, 1])); // [-0.2689, 0, 0.7311]
 */
export const silu = defineActivation({
  name: "silu",
  options: {},
  kernel: "swish",
  params: () => [1],
  // f'' = 2σ'(x) + x σ''(x) = σ'(x) (2 − x tanh(x/2))
  second: (hg, x) => sigmoid.backward([hg, x], []).mul(sub(2, x.mul(tanh(x.mul(0.5))))),
  about: {
    formula: "x·σ(x) (swish with β = 1)",
    derivative: "σ(x) + x σ(x)(1 − σ(x))",
    range: "≈[−0.278, ∞)",
    monotonic: "no",
    zeroCentred: "no",
    smooth: true,
    boundedBelow: true,
    boundedAbove: false,
    kink: null,
    remark: "The lecture's Swish, f(x) = x·sigmoid(x).",
  },
  layer: "SiLU",
  test: { cases: [{ label: "default" }] },
});
