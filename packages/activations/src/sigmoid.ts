import { defineActivation } from "./define-activation.js";
import { tanh } from "./tanh.js";

/**
 * The logistic sigmoid σ(x) = 1/(1 + e^−x), elementwise, in (0, 1). Never overflows (e^x/(1 + e^x)
 * for x < 0), and its derivative keeps full precision in both tails.
 *
 * @example
 * sigmoid(tensor([-40, 0, 2])); // [4.248e-18, 0.5, 0.8808]
 */
export const sigmoid = defineActivation({
  name: "sigmoid",
  options: {},
  kernel: "sigmoid",
  params: () => [],
  // σ'' = σ'(1 − 2σ) = −σ' tanh(x/2)
  second: (hg, x, params, backward) => backward([hg, x], params).mul(tanh(x.mul(0.5)).neg()),
  about: {
    formula: "σ(x) = 1 / (1 + e^−x)",
    derivative: "σ(x)(1 − σ(x))",
    range: "(0, 1)",
    monotonic: "yes",
    zeroCentred: "no",
    smooth: true,
    boundedBelow: true,
    boundedAbove: true,
    kink: null,
    remark:
      "Non-linear, continuously differentiable, monotonic, with a fixed output range; good for binary classification. Towards either end it becomes sluggish (vanishing gradients), and its output is not zero-centred: sigmoid saturates and kills gradients.",
  },
  layer: "Sigmoid",
  test: { cases: [{ label: "default" }] },
});
