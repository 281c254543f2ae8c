import { asTensor, defineOp, type Tensor, type TensorLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { floatDType, positiveOption, resolveAxis, sameShape } from "./internal.js";
import type { SoftmaxAttrs } from "./softmax.js";

/** (g, y) ↦ (g − e^y Σ g) / T along the axis: the backward op of logSoftmax, from its output y. */
export const logSoftmaxBackward = defineOp<[Tensor, Tensor], SoftmaxAttrs>({
  name: "logSoftmaxBackward",
  shape: ([g, y]) =>
    sameShape("logSoftmaxBackward", g as Tensor, y as Tensor, ["gradient", "output"]),
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

export interface LogSoftmaxOptions {
  /** The axis to normalise along (default −1, the last). */
  axis?: number;
  /** T > 0: logSoftmax(x / T) (default 1). */
  temperature?: number;
}

/**
 * log softmax: zᵢ − log Σⱼ e^{zⱼ} along an axis, computed stably (never −Infinity from an underflowed
 * probability: logSoftmax([0, −1000]) = [0, −1000]).
 *
 * @example
 * logSoftmax(tensor([0, -1000])); // [0, -1000]
 */
export function logSoftmax(x: TensorLike, options: LogSoftmaxOptions = {}): Tensor {
  const t = asTensor(x);
  const axis = resolveAxis("logSoftmax", t, options.axis ?? -1);
  const temperature = positiveOption("logSoftmax", "temperature", options.temperature ?? 1);
  return logSoftmaxOp([t], { axis, temperature });
}

export const logSoftmaxInfo: ActivationInfo = {
  name: "logSoftmax",
  formula: "zᵢ − log Σⱼ e^{zⱼ} along an axis",
  derivative: "vector-Jacobian product g − softmax(z) Σ g",
  parameters: [
    { name: "axis", default: -1, description: "the axis to normalise along" },
    { name: "temperature", default: 1, description: "T > 0" },
  ],
  range: "(−∞, 0]",
  monotonic: "n/a",
  zeroCentred: "n/a",
  smooth: true,
  boundedBelow: false,
  boundedAbove: true,
  kink: null,
  differentiable: true,
  remark: "The logarithm of softmax, the stable input of a cross-entropy loss.",
  apply: (x) => logSoftmax(x),
};
