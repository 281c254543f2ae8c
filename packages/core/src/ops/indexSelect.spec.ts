import fc from "fast-check";
import { dimAt } from "../shape.js";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { indexSelect } from "./indexSelect.js";

const indexSelectCase = arbShape({ ...small, minRank: 1 }).chain((shape) =>
  fc
    .tuple(fc.integer({ min: 0, max: shape.length - 1 }), fc.integer({ min: 1, max: 4 }))
    .chain(([axis, n]) =>
      fc
        .tuple(
          arbTensor({ shape, min: -3, max: 3 }),
          arbTensor({ shape: [n], dtype: "int32", min: 0, max: dimAt(shape, axis) - 1 }),
        )
        .map(
          ([x, index]): OpCase => ({
            inputs: [x, index],
            call: (t, i) => indexSelect(t, axis, i),
            shape: shape.map((d, k) => (k === axis ? n : d)),
            label: `axis=${axis}`,
          }),
        ),
    ),
);

export const specs: readonly OpTestSpec[] = [
  { op: "indexSelect", composite: true, cases: indexSelectCase },
];
