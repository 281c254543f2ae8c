import { zerosLike } from "@fluxion/core";
import { defineActivation } from "./define-activation.js";

/**
 * The rectified linear unit max(0, x), elementwise. Its derivative at 0 is taken as 0.
 *
 * @example
 * relu(tensor([-2, 0, 3])); // [0, 0, 3]
 * tensor([-2, 0, 3]).relu(); // the same
 */
export const relu = defineActivation({
  name: "relu",
  options: {},
  kernel: "relu",
  params: () => [],
  // relu'' = 0 (away from the kink)
  second: (hg) => zerosLike(hg),
  about: {
    formula: "max(0, x)",
    derivative: "1 if x > 0 else 0",
    range: "[0, ∞)",
    monotonic: "non-strict",
    zeroCentred: "no",
    smooth: false,
    boundedBelow: true,
    boundedAbove: false,
    kink: { at: [0], derivative: [0], note: "f'(0) = 0" },
    remark:
      "Better performance than sigmoid or tanh in almost all models and cheaper to compute, but for x < 0 the gradient is zero: units can die (the lecture says close to 40% dead neurons), and the unbounded range can blow up the activation.",
  },
  layer: "ReLU",
  test: { cases: [{ label: "default", avoid: [0] }] },
});
