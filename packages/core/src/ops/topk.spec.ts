import fc from "fast-check";
import { arbShape, arbTensor } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpCase, OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  {
    op: "topk",
    composite: true,
    // values 0.01 apart: no ties, where the choice would jump
    cases: arbShape({ ...small, minRank: 1 }).chain((shape) =>
      fc
        .integer({ min: -shape.length, max: shape.length - 1 })
        .chain((axis) => {
          const a = axis < 0 ? axis + shape.length : axis;
          return fc.tuple(
            arbTensor({ shape, min: -3, max: 3, distinct: 0.01 }),
            fc.constant(axis),
            fc.integer({ min: 0, max: shape[a] ?? 1 }),
            fc.boolean(),
          );
        })
        .map(([x, axis, k, largest]): OpCase => {
          const a = axis < 0 ? axis + shape.length : axis;
          return {
            inputs: [x],
            call: (t) => t.topk(k, axis, largest).values,
            shape: shape.map((d, i) => (i === a ? k : d)),
            label: `k=${k}, axis=${axis}, largest=${largest}`,
          };
        }),
    ),
  },
];
