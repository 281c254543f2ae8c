import type { Tensor } from "@fluxion/core";
import { defineActivation } from "./define-activation.js";

/**
 * tanh x, elementwise (range (−1, 1), odd, zero-centred). Its derivative sech² x is computed from
 * x, so it keeps full precision where tanh saturates.
 *
 * @example
 * tanh(tensor([-1, 0, 1])); // [-0.7616, 0, 0.7616]
 */
export const tanh = defineActivation({
  name: "tanh",
  options: {},
  kernel: "tanh",
  params: () => [],
  // d/dx sech² x = −2 tanh x sech² x
  second: (hg, x, params, backward): Tensor => backward([hg, x], params).mul(tanh(x)).mul(-2),
  about: {
    formula: "tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)",
    derivative: "1 − tanh² x",
    range: "(−1, 1)",
    monotonic: "yes",
    zeroCentred: "yes",
    smooth: true,
    boundedBelow: true,
    boundedAbove: true,
    kink: null,
    remark:
      "Mathematically a shifted version of the sigmoid; non-linear but zero-centred, which helps in hidden layers; its gradient is stronger than sigmoid's, but the vanishing gradient has not gone away.",
  },
  layer: "Tanh",
  test: { cases: [{ label: "default" }] },
});
