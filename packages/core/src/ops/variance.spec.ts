import fc from "fast-check";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { reducedShape, small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { std, variance } from "./variance.js";

/** Variance-like reductions over axes holding at least 2 distinct values (std is smooth there). */
function varianceSpec(op: string, fn: typeof variance): OpTestSpec {
  return {
    op,
    composite: true,
    cases: arbShape({ ...small, minRank: 1, minDim: 2 }).chain((shape) =>
      fc
        .tuple(
          arbTensor({ shape, min: -3, max: 3, distinct: 0.1 }),
          fc.option(
            fc.subarray(
              shape.map((_, i) => i),
              { minLength: 1 },
            ),
            { nil: undefined },
          ),
          fc.constantFrom(0, 1),
          fc.boolean(),
        )
        .map(
          ([x, axes, correction, keepDims]): OpCase => ({
            inputs: [x],
            call: (t) => fn(t, axes, { correction, keepDims }),
            shape: reducedShape(shape, axes, keepDims),
            label: `axes=${JSON.stringify(axes)}, correction=${correction}, keepDims=${keepDims}`,
          }),
        ),
    ),
  };
}

export const specs: readonly OpTestSpec[] = [
  varianceSpec("variance", variance),
  varianceSpec("std", std),
];
