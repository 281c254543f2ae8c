import { asTensor, defineOp, type Tensor, type TensorLike } from "@fluxion/core";
import { type EluAttrs, eluBackward } from "./elu.js";
import type { ActivationInfo } from "./info.js";
import { floatDType } from "./internal.js";

/**
 * SELU's α and λ (Klambauer et al., 2017): the doubles nearest ACTIVATIONS.md's
 * 1.6732632423543772848170429916717 and 1.0507009873554804934193349852946.
 */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_SCALE = 1.0507009873554805;

const attrs: EluAttrs = { alpha: SELU_ALPHA, scale: SELU_SCALE };

const seluOp = defineOp<[Tensor], Record<string, never>>({
  name: "selu",
  shape: ([x]) => x.shape,
  dtype: floatDType,
  forward: (be, [x], _attrs, out) =>
    be.activation("elu", x.data, [SELU_ALPHA, SELU_SCALE], out.dtype),
  // f'(x) = λ if x > 0 else λα eˣ, so f'(0) = λα
  vjp: (g, { inputs: [x] }) => [eluBackward([g, x as Tensor], attrs)],
});

/**
 * The scaled ELU: λ·(x if x > 0 else α(eˣ − 1)) with α ≈ 1.6733, λ ≈ 1.0507, which keeps
 * standard-normal activations at zero mean and unit variance. Its derivative at 0 is λα.
 *
 * @example
 * selu(tensor([-1, 1])); // [-1.1113, 1.0507]
 */
export function selu(x: TensorLike): Tensor {
  return seluOp([asTensor(x)], {});
}

export const seluInfo: ActivationInfo = {
  name: "selu",
  formula: "λ·(x if x > 0 else α(eˣ − 1)), α = 1.6732632423543772…, λ = 1.0507009873554804…",
  derivative: "λ if x > 0 else λα eˣ",
  parameters: [
    { name: "alpha", default: SELU_ALPHA, description: "α (fixed)" },
    { name: "scale", default: SELU_SCALE, description: "λ (fixed)" },
  ],
  range: "(−λα, ∞)",
  monotonic: "yes",
  zeroCentred: "self-normalising",
  smooth: false,
  boundedBelow: true,
  boundedAbove: false,
  kink: { at: 0, derivative: "f'(0) = λα" },
  differentiable: true,
  remark:
    "Introduced by Klambauer et al. (2017): with proper initialisation the network self-normalises, each layer's output roughly zero-centred with standard deviation one, which helps prevent vanishing or exploding gradients.",
  apply: (x) => selu(x),
};
