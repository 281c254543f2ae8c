import { asTensor, type Tensor, type TensorLike, where, zerosLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { defineActivationBackward, defineFusedActivation, finiteOption } from "./internal.js";

/** α and the scale λ (1 for ELU; SELU's constants for selu). */
export interface EluAttrs {
  readonly alpha: number;
  readonly scale: number;
}

/** (g, x) ↦ g ⊙ f'(x) for λ·elu_α: the backward op of elu and selu. */
export const eluBackward = defineActivationBackward<EluAttrs>({
  name: "eluBackward",
  kernel: () => "elu",
  params: (a) => [a.alpha, a.scale],
  // f'' = 0 for x > 0 and λα eˣ = f'(x) for x ≤ 0
  second: (hg, x, attrs, self) => where(x.gt(0), zerosLike(hg), self([hg, x], attrs)),
});

const eluOp = defineFusedActivation<EluAttrs>({
  name: "elu",
  kernel: () => "elu",
  params: (a) => [a.alpha, a.scale],
  // f'(x) = 1 if x > 0 else α eˣ, so f'(0) = α
  backward: (g, x, attrs) => eluBackward([g, x], attrs),
});

export interface EluOptions {
  /** α, the magnitude of the negative saturation (default 1). */
  alpha?: number;
}

/**
 * The exponential linear unit: x if x > 0 else α(eˣ − 1), elementwise (expm1 keeps small negative
 * inputs exact). Its derivative at 0 is α.
 *
 * @example
 * elu(tensor([-1, 2])); // [-0.6321, 2]
 */
export function elu(x: TensorLike, options: EluOptions = {}): Tensor {
  const alpha = finiteOption("elu", "alpha", options.alpha ?? 1);
  return eluOp([asTensor(x)], { alpha, scale: 1 });
}

export const eluInfo: ActivationInfo = {
  name: "elu",
  formula: "x if x > 0 else α(eˣ − 1)",
  derivative: "1 if x > 0 else α eˣ",
  parameters: [{ name: "alpha", default: 1, description: "α, the negative saturation value" }],
  range: "(−α, ∞)",
  monotonic: "yes",
  zeroCentred: "near",
  smooth: false,
  boundedBelow: true,
  boundedAbove: false,
  kink: { at: 0, derivative: "f'(0) = α" },
  differentiable: true,
  remark:
    "Converges faster; a strong alternative to ReLU. Unlike ReLU it can produce negative outputs; for x > 0 it can blow up the activation.",
  apply: (x) => elu(x),
};
