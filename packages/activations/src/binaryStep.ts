import { asTensor, defineOp, type Tensor, type TensorLike, where, zerosLike } from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { booleanOption, floatDType } from "./internal.js";

interface StepAttrs {
  readonly straightThrough: boolean;
}

const binaryStepOp = defineOp<[Tensor], StepAttrs>({
  name: "binaryStep",
  shape: ([x]) => x.shape,
  dtype: floatDType,
  compute: ([x], _attrs, out) => {
    const t = x.to(out.dtype);
    // 1 if x ≥ 0 else 0; NaN stays NaN
    return where(t.ne(t), t, t.ge(0).to(out.dtype));
  },
  // f'(x) = 0 wherever it exists; the straight-through estimator passes g unchanged instead
  vjp: (g, { attrs }) => [attrs.straightThrough ? g : zerosLike(g)],
});

export interface BinaryStepOptions {
  /**
   * Pass the incoming gradient through unchanged (the straight-through estimator) instead of the
   * true derivative 0; for research use (default false).
   */
  straightThrough?: boolean;
}

/**
 * The binary step: 1 if x ≥ 0 else 0, elementwise (so f(0) = 1). Its derivative is 0 wherever it
 * exists, so it cannot learn by gradient descent.
 *
 * @example
 * binaryStep(tensor([-1, 0, 2])); // [0, 1, 1]
 */
export function binaryStep(x: TensorLike, options: BinaryStepOptions = {}): Tensor {
  const straightThrough = booleanOption(
    "binaryStep",
    "straightThrough",
    options.straightThrough ?? false,
  );
  return binaryStepOp([asTensor(x)], { straightThrough });
}

export const binaryStepInfo: ActivationInfo = {
  name: "binaryStep",
  formula: "1 if x ≥ 0 else 0",
  derivative: "0 (the straight-through option passes the gradient unchanged)",
  parameters: [
    { name: "straightThrough", default: false, description: "straight-through estimator" },
  ],
  range: "{0, 1}",
  monotonic: "non-strict",
  zeroCentred: "no",
  smooth: false,
  boundedBelow: true,
  boundedAbove: true,
  kink: { at: 0, derivative: "f(0) = 1; f' = 0 elsewhere, undefined at 0 (0 is used)" },
  differentiable: true,
  remark:
    "A neuron fires or not: the lecture's first activation (already seen with the perceptron). Its derivative is zero, so it cannot learn by gradient descent.",
  apply: (x) => binaryStep(x),
};
