import { defineActivation } from "./define-activation.js";
import { tanh } from "./tanh.js";

/**
 * LiSHT x·tanh x (linearly scaled hyperbolic tangent), elementwise: even and non-negative.
 *
 * @example
 * lisht(tensor([-1, 0, 1])); // [0.7616, 0, 0.7616]
 */
export const lisht = defineActivation({
  name: "lisht",
  options: {},
  forward: (x) => x.mul(tanh(x)),
  // f'(x) = tanh x + x sech² x (both terms share a sign: nothing cancels)
  derivative: (x) => tanh(x).add(tanh.backward([x, x], [])),
  about: {
    formula: "x·tanh x",
    derivative: "tanh x + x(1 − tanh² x)",
    range: "[0, ∞)",
    monotonic: "no",
    zeroCentred: "no",
    smooth: true,
    boundedBelow: true,
    boundedAbove: false,
    kink: null,
    remark:
      "Scales the non-linear tanh by a linear function to help tackle the dying gradient problem; according to its paper it outperformed Swish on a number of problems.",
  },
  layer: "LiSHT",
  test: { cases: [{ label: "default" }] },
});
