import { where, zerosLike } from "@fluxion/core";
import { type ActivationOptions, defineActivation } from "./define-activation.js";
import { numberOption } from "./options.js";

/**
 * The exponential linear unit: x if x > 0 else α(eˣ − 1), elementwise (expm1 keeps small negative
 * inputs exact). Its derivative at 0 is α.
 *
 * @example
 * elu(tensor([-1, 2])); // [-0.6321, 2]
 */
export const elu = defineActivation({
  name: "elu",
  options: { alpha: numberOption(1, "α, the negative saturation value") },
  kernel: "elu",
  // the kernel's λ is 1 (selu is the same kernel with its constants)
  params: (o) => [o.alpha, 1],
  // f'' = 0 for x > 0 and α eˣ = f'(x) for x ≤ 0
  second: (hg, x, params, backward) => where(x.gt(0), zerosLike(hg), backward([hg, x], params)),
  about: {
    formula: "x if x > 0 else α(eˣ − 1)",
    derivative: "1 if x > 0 else α eˣ",
    range: "(−α, ∞)",
    monotonic: "yes",
    zeroCentred: "near",
    smooth: false,
    boundedBelow: true,
    boundedAbove: false,
    kink: { at: [0], derivative: [1], note: "f'(0) = α" },
    remark:
      "Converges faster; a strong alternative to ReLU. Unlike ReLU it can produce negative outputs; for x > 0 it can blow up the activation.",
  },
  layer: "ELU",
  test: {
    cases: [
      { label: "alpha 1", avoid: [0] },
      { label: "alpha 0.5", options: { alpha: 0.5 }, avoid: [0] },
    ],
  },
});

/** Options of {@link elu}. */
export type EluOptions = ActivationOptions<typeof elu>;
