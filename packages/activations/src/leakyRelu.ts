import { zerosLike } from "@fluxion/core";
import { type ActivationOptions, defineActivation } from "./define-activation.js";
import { numberOption } from "./options.js";

/**
 * Leaky ReLU: x if x ≥ 0 else a·x, elementwise (a = `negativeSlope`, default 0.01). Its derivative
 * at 0 is a.
 *
 * @example
 * leakyRelu(tensor([-2, 3]), { negativeSlope: 0.1 }); // [-0.2, 3]
 */
export const leakyRelu = defineActivation({
  name: "leakyRelu",
  options: { negativeSlope: numberOption(0.01, "slope a for x < 0") },
  kernel: "leakyRelu",
  params: (o) => [o.negativeSlope],
  // leakyRelu'' = 0 (away from the kink)
  second: (hg) => zerosLike(hg),
  about: {
    formula: "x if x ≥ 0 else a·x",
    derivative: "1 if x > 0 else a",
    range: "ℝ",
    monotonic: "yes",
    zeroCentred: "no",
    smooth: false,
    boundedBelow: false,
    boundedAbove: false,
    kink: { at: [0], derivative: [0.01], note: "f'(0) = a" },
    remark:
      "An attempt to fix the dying ReLU problem with a small negative slope (0.01 or so); its benefits across architectures are still being investigated.",
  },
  layer: "LeakyReLU",
  test: {
    cases: [
      { label: "default slope", avoid: [0] },
      { label: "slope 0.3", options: { negativeSlope: 0.3 }, avoid: [0] },
    ],
  },
});

/** Options of {@link leakyRelu}. */
export type LeakyReluOptions = ActivationOptions<typeof leakyRelu>;
