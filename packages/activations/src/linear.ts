import { asTensor, defineOp, type Tensor, type TensorLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { finiteOption, floatDType } from "./internal.js";

interface LinearAttrs {
  readonly slope: number;
}

const linearOp = defineOp<[Tensor], LinearAttrs>({
  name: "linear",
  shape: ([x]) => x.shape,
  dtype: floatDType,
  compute: ([x], { slope }, out) => x.to(out.dtype).mul(slope),
  // d/dx (a·x) = a
  vjp: (g, { attrs }) => [g.mul(attrs.slope)],
});

export interface LinearOptions {
  /** The slope a (default 1: the identity). */
  slope?: number;
}

/**
 * The linear activation a·x, elementwise. A network of linear activations collapses to one
 * linear map (the lecture: "that will be simple linear regression").
 *
 * @example
 * linear(tensor([1, -2]), { slope: 0.5 }); // [0.5, -1]
 */
export function linear(x: TensorLike, options: LinearOptions = {}): Tensor {
  return linearOp([asTensor(x)], { slope: finiteOption("linear", "slope", options.slope ?? 1) });
}

export const linearInfo: ActivationInfo = {
  name: "linear",
  formula: "a·x",
  derivative: "a",
  parameters: [{ name: "slope", default: 1, description: "the slope a" }],
  range: "ℝ",
  monotonic: "yes",
  zeroCentred: "yes",
  smooth: true,
  boundedBelow: false,
  boundedAbove: false,
  kink: null,
  differentiable: true,
  remark: "That will be simple linear regression! There are some use cases.",
  apply: (x) => linear(x),
};
