import { onesLike, where, zerosLike } from "@fluxion/core";
import { type ActivationOptions, defineActivation } from "./define-activation.js";
import { booleanOption } from "./options.js";

/**
 * The binary step: 1 if x ≥ 0 else 0, elementwise (so f(0) = 1). Its derivative is 0 wherever it
 * exists, so it cannot learn by gradient descent; `straightThrough: true` passes the incoming
 * gradient through unchanged instead (the straight-through estimator, for research use).
 *
 * @example
 * binaryStep(tensor([-1, 0, 2])); // [0, 1, 1]
 */
export const binaryStep = defineActivation({
  name: "binaryStep",
  options: {
    straightThrough: booleanOption(false, "pass the gradient through unchanged (straight-through)"),
  },
  // 1 if x ≥ 0 else 0; NaN stays NaN
  forward: (x) => where(x.ne(x), x, x.ge(0).to(x.dtype)),
  // f'(x) = 0 wherever it exists; the straight-through estimator uses 1 instead
  derivative: (x, o) => (o.straightThrough ? onesLike(x) : zerosLike(x)),
  about: {
    formula: "1 if x ≥ 0 else 0",
    derivative: "0 (the straight-through option passes the gradient unchanged)",
    range: "{0, 1}",
    monotonic: "non-strict",
    zeroCentred: "no",
    smooth: false,
    boundedBelow: true,
    boundedAbove: true,
    kink: {
      at: [0],
      derivative: [0],
      note: "f(0) = 1; f' = 0 elsewhere, undefined at 0 (0 is used)",
    },
    remark:
      "A neuron fires or not: the lecture's first activation (already seen with the perceptron). Its derivative is zero, so it cannot learn by gradient descent.",
  },
  layer: "BinaryStep",
  test: { cases: [{ label: "default", avoid: [0] }] },
});

/** Options of {@link binaryStep}. */
export type BinaryStepOptions = ActivationOptions<typeof binaryStep>;
