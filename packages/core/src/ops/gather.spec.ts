import fc from "fast-check";
import { dimAt } from "../shape.js";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { gather, scatterAdd } from "./gather.js";

/** x, an axis, and an int32 index of x's rank: no larger than x off the axis, any length along it. */
const gatherInputs = arbShape({ ...small, minRank: 1 }).chain((shape) =>
  fc
    .integer({ min: 0, max: shape.length - 1 })
    .chain((axis) =>
      fc
        .tuple(
          ...shape.map((d, k) =>
            k === axis ? fc.integer({ min: 1, max: 4 }) : fc.integer({ min: 1, max: d }),
          ),
        )
        .chain((ishape) =>
          fc.tuple(
            arbTensor({ shape, min: -3, max: 3 }),
            fc.constant(axis),
            arbTensor({ shape: ishape, dtype: "int32", min: 0, max: dimAt(shape, axis) - 1 }),
            fc.boolean(),
          ),
        ),
    ),
);

const gatherCase = gatherInputs.map(([x, axis, index, neg]): OpCase => {
  const a = neg ? axis - x.ndim : axis;
  return {
    inputs: [x, index],
    call: (t, i) => gather(t, a, i),
    shape: index.shape,
    label: `axis=${a}`,
  };
});

/** src as large as index, or one larger on some axes (only the part index covers is read). */
const scatterAddCase = gatherInputs.chain(([x, axis, index]) =>
  arbTensor({
    shape: fc.tuple(...index.shape.map((d) => fc.integer({ min: d, max: d + 1 }))),
    min: -3,
    max: 3,
  }).map(
    (src): OpCase => ({
      inputs: [x, index, src],
      call: (b, i, s) => scatterAdd(b, axis, i, s),
      shape: x.shape,
      label: `axis=${axis}`,
    }),
  ),
);

export const specs: readonly OpTestSpec[] = [
  { op: "gather", cases: gatherCase },
  { op: "scatterAdd", cases: scatterAddCase },
];
