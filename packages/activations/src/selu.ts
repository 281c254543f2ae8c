import { where, zerosLike } from "@fluxion/core";
import { defineActivation } from "./define-activation.js";

/**
 * SELU's α and λ (Klambauer et al., 2017): the doubles nearest 1.6732632423543772848170429916717
 * and 1.0507009873554804934193349852946.
 */
export const SELU_ALPHA = 1.6732632423543772;
/** SELU's λ (see `SELU_ALPHA`). */
export const SELU_SCALE = 1.0507009873554805;

/**
 * The scaled ELU: λ·(x if x > 0 else α(eˣ − 1)) with α ≈ 1.6733, λ ≈ 1.0507, which keeps
 * standard-normal activations at zero mean and unit variance. Its derivative at 0 is λα.
 *
 * @example
 * selu(tensor([-1, 1])); // [-1.1113, 1.0507]
 */
export const selu = defineActivation({
  name: "selu",
  options: {},
  kernel: "elu",
  params: () => [SELU_ALPHA, SELU_SCALE],
  // f'' = 0 for x > 0 and λα eˣ = f'(x) for x ≤ 0
  second: (hg, x, params, backward) => where(x.gt(0), zerosLike(hg), backward([hg, x], params)),
  about: {
    formula: "λ·(x if x > 0 else α(eˣ − 1)), α = 1.6732632423543772…, λ = 1.0507009873554804…",
    derivative: "λ if x > 0 else λα eˣ",
    range: "(−λα, ∞)",
    monotonic: "yes",
    zeroCentred: "self-normalising",
    smooth: false,
    boundedBelow: true,
    boundedAbove: false,
    kink: { at: [0], derivative: [SELU_SCALE * SELU_ALPHA], note: "f'(0) = λα" },
    remark:
      "Introduced by Klambauer et al. (2017): with proper initialisation the network self-normalises, each layer's output roughly zero-centred with standard deviation one, which helps prevent vanishing or exploding gradients.",
  },
  layer: "SELU",
  test: { cases: [{ label: "default", avoid: [0] }] },
});
