import { div } from "@fluxion/core";
import { defineActivation } from "./define-activation.js";

/**
 * Softsign x / (1 + |x|), elementwise: odd, in (−1, 1), approaching its bounds polynomially
 * (1 − 1/|x|) where tanh does exponentially, so its gradient vanishes more slowly.
 *
 * @example
 * softsign(tensor([-3, 0, 1])); // [-0.75, 0, 0.5]
 */
export const softsign = defineActivation({
  name: "softsign",
  options: {},
  forward: (x) => x.div(x.abs().add(1)),
  // f'(x) = 1 / (1 + |x|)²
  derivative: (x) => {
    const d = x.abs().add(1);
    return div(1, d.mul(d));
  },
  about: {
    formula: "x / (1 + |x|)",
    derivative: "1 / (1 + |x|)²",
    range: "(−1, 1)",
    monotonic: "yes",
    zeroCentred: "yes",
    smooth: false,
    boundedBelow: true,
    boundedAbove: true,
    kink: { at: [0], derivative: [1], note: "f'(0) = 1 (f' is continuous; f'' jumps there)" },
    remark: "",
  },
  layer: "Softsign",
  test: { cases: [{ label: "default", avoid: [0] }] },
});
