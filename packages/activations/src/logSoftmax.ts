import { defineOp, floatDType, type Op, type Tensor } from "@fluxion/core";
import { axisBackwardCases, axisCases, axisOptions, type SoftmaxAttrs } from "./axis.js";
import { defineActivation, spec } from "./define-activation.js";
import { resolveAxis, sameShape } from "./internal.js";
import type { SoftmaxOptions } from "./softmax.js";

/** (g, y) ↦ (g − e^y Σ g) / T along the axis: the backward op of logSoftmax, from its output y. */
const logSoftmaxBackward: Op<[Tensor, Tensor], SoftmaxAttrs> = defineOp<
  [Tensor, Tensor],
  SoftmaxAttrs
>({
  name: "logSoftmaxBackward",
  shape: ([g, y]) => sameShape("logSoftmaxBackward", g, y, ["gradient", "output"]),
  forward: (be, [g, y], { axis, temperature }, out) =>
    be.softmaxGrad(g.data, y.data, y.shape, axis, temperature, true, out.dtype),
  // out = (g − e^y S)/T, S = Σ g: ∂/∂g = (h − Σ h e^y)/T, ∂/∂y = −h e^y S / T
  vjp: (h, { inputs: [g, y], attrs, needsInputGrad: [ng, ny] }) => {
    const { axis, temperature } = attrs;
    const p = y.exp();
    const dg = ng ? h.sub(h.mul(p).sum(axis, true)).div(temperature) : null;
    const dy = ny ? h.mul(p).mul(g.sum(axis, true)).div(-temperature) : null;
    return [dg, dy];
  },
});

const logSoftmaxOp = defineOp<[Tensor], SoftmaxAttrs>({
  name: "logSoftmax",
  shape: ([x]) => x.shape,
  dtype: floatDType,
  forward: (be, [x], { axis, temperature }, out) =>
    be.softmax(x.data, x.shape, axis, temperature, true, out.dtype),
  // ∂/∂x: (g − softmax(x) Σ g) / T, softmax = e^y from the saved output
  vjp: (g, { output: y, attrs }) => [logSoftmaxBackward([g, y], attrs)],
});

/**
 * log softmax: zᵢ − log Σⱼ e^{zⱼ} along an axis (default −1), of z / T with a temperature T,
 * computed stably (never −Infinity from an underflowed probability: logSoftmax([0, −1000]) =
 * [0, −1000]).
 *
 * @example
 * logSoftmax(tensor([0, -1000])); // [0, -1000]
 */
export const logSoftmax = defineActivation({
  name: "logSoftmax",
  kind: "axis",
  options: axisOptions,
  apply: (x, o) =>
    logSoftmaxOp([x], {
      axis: resolveAxis("logSoftmax", x, o.axis),
      temperature: o.temperature,
    }),
  about: {
    formula: "zᵢ − log Σⱼ e^{zⱼ} along an axis",
    derivative: "vector-Jacobian product g − softmax(z) Σ g",
    range: "(−∞, 0]",
    monotonic: "n/a",
    zeroCentred: "n/a",
    smooth: true,
    boundedBelow: false,
    boundedAbove: true,
    kink: null,
    remark: "The logarithm of softmax, the stable input of a cross-entropy loss.",
  },
  layer: "LogSoftmax",
  specs: [
    spec(
      "logSoftmax",
      axisCases((x, axis, temperature): Tensor => logSoftmax(x, { axis, temperature })),
    ),
    spec("logSoftmaxBackward", axisBackwardCases(logSoftmaxBackward)),
  ],
});

/** Options of {@link logSoftmax}. */
export type LogSoftmaxOptions = SoftmaxOptions;
