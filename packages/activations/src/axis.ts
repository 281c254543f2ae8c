/** Options, attributes and test cases shared by softmax and logSoftmax. */
import type { Op, Tensor } from "@fluxion/core";
import { numberOption } from "./options.js";
import type { ActivationCase } from "./spec.js";

/** A non-negative axis and the temperature T (the input is divided by T). */
export interface SoftmaxAttrs {
  readonly axis: number;
  readonly temperature: number;
}

/** Options of softmax and logSoftmax. */
export const axisOptions = {
  axis: numberOption(-1, "the axis that sums to 1 (logSoftmax: to normalise along)"),
  temperature: numberOption(1, "T > 0: of x / T; T → 0 approaches argmax", { positive: true }),
};

/** Cases of softmax-like functions: every axis of a [2, 3, 4] input, and a temperature. */
export function axisCases(f: (x: Tensor, axis: number, temperature?: number) => Tensor) {
  const cases: ActivationCase[] = [0, 1, 2, -1].map((axis) => ({
    label: `axis ${axis}`,
    inputs: [{ shape: [2, 3, 4], min: -3, max: 3 }],
    apply: (x: Tensor) => f(x, axis),
  }));
  cases.push({
    label: "axis 1, temperature 0.5",
    inputs: [{ shape: [3, 4], min: -3, max: 3 }],
    apply: (x: Tensor) => f(x, 1, 0.5),
  });
  return cases;
}

/** Cases of their backward ops (g, y) with y drawn as log-probabilities or probabilities. */
export function axisBackwardCases(op: Op<[Tensor, Tensor], SoftmaxAttrs>): ActivationCase[] {
  return [0, 1, -1].map((axis) => ({
    label: `axis ${axis}${axis === 1 ? ", temperature 2" : ""}`,
    inputs: [
      { shape: [3, 4], min: -2, max: 2 },
      { shape: [3, 4], min: -2, max: 0 },
    ],
    apply: (g: Tensor, y: Tensor) =>
      op([g, y], { axis: axis < 0 ? 1 : axis, temperature: axis === 1 ? 2 : 1 }),
  }));
}
