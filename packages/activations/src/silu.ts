import { asTensor, defineOp, type Tensor, type TensorLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { floatDType } from "./internal.js";
import { swishBackward } from "./swish.js";

const siluOp = defineOp<[Tensor], Record<string, never>>({
  name: "silu",
  shape: ([x]) => x.shape,
  dtype: floatDType,
  forward: (be, [x], _attrs, out) => be.activation("swish", x.data, [1], out.dtype),
  // f'(x) = σ(x) + x σ(x)(1 − σ(x))
  vjp: (g, { inputs: [x] }) => [swishBackward([g, x as Tensor], { beta: 1 })],
});

/**
 * SiLU x·σ(x), swish with β = 1, elementwise.
 *
 * @example
 * silu(tensor([-1, 0, 1])); // [-0.2689, 0, 0.7311]
 */
export function silu(x: TensorLike): Tensor {
  return siluOp([asTensor(x)], {});
}

export const siluInfo: ActivationInfo = {
  name: "silu",
  formula: "x·σ(x) (swish with β = 1)",
  derivative: "σ(x) + x σ(x)(1 − σ(x))",
  parameters: [],
  range: "≈[−0.278, ∞)",
  monotonic: "no",
  zeroCentred: "no",
  smooth: true,
  boundedBelow: true,
  boundedAbove: false,
  kink: null,
  differentiable: true,
  remark: "The lecture's Swish, f(x) = x·sigmoid(x).",
  apply: (x) => silu(x),
};
