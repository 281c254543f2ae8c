import { defineOp, floatDType, type Op, type Tensor } from "@fluxion/core";
import { axisBackwardCases, axisCases, axisOptions, type SoftmaxAttrs } from "./axis.js";
import { type ActivationOptions, defineActivation, spec } from "./define-activation.js";
import { resolveAxis, sameShape } from "./internal.js";

/** (g, y) ↦ y ⊙ (g − Σ g ⊙ y) / T along the axis: the backward op of softmax, from its output y. */
const softmaxBackward: Op<[Tensor, Tensor], SoftmaxAttrs> = defineOp<
  [Tensor, Tensor],
  SoftmaxAttrs
>({
  name: "softmaxBackward",
  shape: ([g, y]) => sameShape("softmaxBackward", g, y, ["gradient", "output"]),
  forward: (be, [g, y], { axis, temperature }, out) =>
    be.softmaxGrad(g.data, y.data, y.shape, axis, temperature, false, out.dtype),
  // out = y(g − s)/T, s = Σ g y: ∂/∂g = y(h − Σ h y)/T, ∂/∂y = (h(g − s) − g Σ h y)/T
  vjp: (h, { inputs: [g, y], attrs, needsInputGrad: [ng, ny] }) => {
    const { axis, temperature } = attrs;
    const dg = ng ? softmaxBackward([h, y], attrs) : null;
    let dy: Tensor | null = null;
    if (ny) {
      const s = g.mul(y).sum(axis, true);
      const hy = h.mul(y).sum(axis, true);
      dy = h.mul(g.sub(s)).sub(g.mul(hy)).div(temperature);
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

/**
 * Softmax e^{xᵢ/T} / Σⱼ e^{xⱼ/T} along an axis (default −1, the last), computed stably (the
 * maximum is subtracted first, so no input overflows it): every slice is a probability
 * distribution. A temperature T → 0 approaches a one-hot argmax (shared among ties); large T
 * approaches uniform.
 *
 * @example
 * softmax(tensor([1, 2, 3])); // [0.09, 0.2447, 0.6652]
 * softmax(tensor([[1000, 0], [0, 1000]]), { axis: 0 }); // [[1, 0], [0, 1]]
 */
export const softmax = defineActivation({
  name: "softmax",
  kind: "axis",
  options: axisOptions,
  apply: (x, o) =>
    softmaxOp([x], { axis: resolveAxis("softmax", x, o.axis), temperature: o.temperature }),
  about: {
    formula: "e^{zᵢ} / Σⱼ e^{zⱼ} along an axis (of z / T with a temperature T)",
    derivative: "vector-Jacobian product y ⊙ (g − Σ g ⊙ y)",
    range: "(0, 1), sums to 1",
    monotonic: "n/a",
    zeroCentred: "n/a",
    smooth: true,
    boundedBelow: true,
    boundedAbove: true,
    kink: null,
    remark:
      "The Boltzmann (Gibbs) distribution of statistical mechanics; multi-class logistic regression that turns N scores into N probabilities summing to 1. For two classes it is the sigmoid of the difference, and it is a differentiable stand-in for argmax; the vanishing gradient is still a problem.",
  },
  layer: "Softmax",
  specs: [
    spec(
      "softmax",
      axisCases((x, axis, temperature): Tensor => softmax(x, { axis, temperature })),
    ),
    spec("softmaxBackward", axisBackwardCases(softmaxBackward)),
  ],
});

/** Options of {@link softmax} and logSoftmax. */
export type SoftmaxOptions = ActivationOptions<typeof softmax>;
