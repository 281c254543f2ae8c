import { asTensor, defineOp, type Op, type Tensor, type TensorLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { floatDType, positiveOption, resolveAxis, sameShape } from "./internal.js";

/** A non-negative axis and the temperature T (the input is divided by T). */
export interface SoftmaxAttrs {
  readonly axis: number;
  readonly temperature: number;
}

/** (g, y) ↦ y ⊙ (g − Σ g ⊙ y) / T along the axis: the backward op of softmax, from its output y. */
export const softmaxBackward: Op<[Tensor, Tensor], SoftmaxAttrs> = defineOp<
  [Tensor, Tensor],
  SoftmaxAttrs
>({
  name: "softmaxBackward",
  shape: ([g, y]) => sameShape("softmaxBackward", g as Tensor, y as Tensor, ["gradient", "output"]),
  forward: (be, [g, y], { axis, temperature }, out) =>
    be.softmaxGrad(g.data, y.data, y.shape, axis, temperature, false, out.dtype),
  // out = y(g − s)/T, s = Σ g y: ∂/∂g = y(h − Σ h y)/T, ∂/∂y = (h(g − s) − g Σ h y)/T
  vjp: (h, { inputs: [g, y], attrs, needsInputGrad: [ng, ny] }) => {
    const tg = g as Tensor;
    const ty = y as Tensor;
    const { axis, temperature } = attrs;
    const dg = ng ? softmaxBackward([h, ty], attrs) : null;
    let dy: Tensor | null = null;
    if (ny) {
      const s = tg.mul(ty).sum(axis, true);
      const hy = h.mul(ty).sum(axis, true);
      dy = h.mul(tg.sub(s)).sub(tg.mul(hy)).div(temperature);
    }
    return [dg, dy];
  },
});

const softmaxOp = defineOp<[Tensor], SoftmaxAttrs>({
  name: "softmax",
  shape: ([x]) => x.shape,
  dtype: floatDType,
  forward: (be, [x], { axis, temperature }, out) =>
    be.softmax(x.data, x.shape, axis, temperature, false, out.dtype),
  // ∂/∂x: y ⊙ (g − Σ g ⊙ y) / T, from the saved output
  vjp: (g, { output: y, attrs }) => [softmaxBackward([g, y], attrs)],
});

export interface SoftmaxOptions {
  /** The axis that sums to 1 (default −1, the last). */
  axis?: number;
  /**
   * T > 0: softmax(x / T) (default 1). T → 0 approaches a one-hot argmax (shared among ties);
   * large T approaches uniform.
   */
  temperature?: number;
}

/**
 * Softmax e^{xᵢ/T} / Σⱼ e^{xⱼ/T} along an axis, computed stably (the maximum is subtracted first,
 * so no input overflows it): every slice is a probability distribution.
 *
 * @example
 * softmax(tensor([1, 2, 3])); // [0.09, 0.2447, 0.6652]
 * softmax(tensor([[1000, 0], [0, 1000]]), { axis: 0 }); // [[1, 0], [0, 1]]
 */
export function softmax(x: TensorLike, options: SoftmaxOptions = {}): Tensor {
  const t = asTensor(x);
  const axis = resolveAxis("softmax", t, options.axis ?? -1);
  const temperature = positiveOption("softmax", "temperature", options.temperature ?? 1);
  return softmaxOp([t], { axis, temperature });
}

export const softmaxInfo: ActivationInfo = {
  name: "softmax",
  formula: "e^{zᵢ} / Σⱼ e^{zⱼ} along an axis (of z / T with a temperature T)",
  derivative: "vector-Jacobian product y ⊙ (g − Σ g ⊙ y)",
  parameters: [
    { name: "axis", default: -1, description: "the axis that sums to 1" },
    { name: "temperature", default: 1, description: "T > 0; T → 0 approaches argmax" },
  ],
  range: "(0, 1), sums to 1",
  monotonic: "n/a",
  zeroCentred: "n/a",
  smooth: true,
  boundedBelow: true,
  boundedAbove: true,
  kink: null,
  differentiable: true,
  remark:
    "The Boltzmann (Gibbs) distribution of statistical mechanics; multi-class logistic regression that turns N scores into N probabilities summing to 1. For two classes it is the sigmoid of the difference, and it is a differentiable stand-in for argmax; the vanishing gradient is still a problem.",
  apply: (x) => softmax(x),
};
