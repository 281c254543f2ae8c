import { asTensor, defineOp, type Tensor, type TensorLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { floatDType } from "./internal.js";
import { tanh, tanhBackward } from "./tanh.js";

const lishtOp = defineOp<[Tensor], Record<string, never>>({
  name: "lisht",
  shape: ([x]) => x.shape,
  dtype: floatDType,
  compute: ([x], _attrs, out) => {
    const t = x.to(out.dtype);
    return t.mul(tanh(t));
  },
  // f'(x) = tanh x + x sech² x (both terms share a sign: nothing cancels)
  vjp: (g, { inputs: [x] }) => {
    const t = x as Tensor;
    return [g.mul(tanh(t)).add(tanhBackward([g.mul(t), t], {}))];
  },
});

/**
 * LiSHT x·tanh x (linearly scaled hyperbolic tangent), elementwise: even and non-negative.
 *
 * @example
 * lisht(tensor([-1, 0, 1])); // [0.7616, 0, 0.7616]
 */
export function lisht(x: TensorLike): Tensor {
  return lishtOp([asTensor(x)], {});
}

export const lishtInfo: ActivationInfo = {
  name: "lisht",
  formula: "x·tanh x",
  derivative: "tanh x + x(1 − tanh² x)",
  parameters: [],
  range: "[0, ∞)",
  monotonic: "no",
  zeroCentred: "no",
  smooth: true,
  boundedBelow: true,
  boundedAbove: false,
  kink: null,
  differentiable: true,
  remark:
    "Scales the non-linear tanh by a linear function to help tackle the dying gradient problem; according to its paper it outperformed Swish on a number of problems.",
  apply: (x) => lisht(x),
};
