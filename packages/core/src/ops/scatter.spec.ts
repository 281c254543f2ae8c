import fc from "fast-check";
import { dimAt } from "../shape.js";
import { tensor } from "../tensor/create.js";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { scatter } from "./scatter.js";

const size = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);

/**
 * x, an axis, an int32 index no larger than x whose entries along the axis are distinct in every
 * line (where a position is written twice, the losing value has no effect on the output, so
 * finite differences cannot agree with PyTorch's rule there), and src at least as large as index.
 */
const scatterCase = arbShape({ ...small, minRank: 1, maxDim: 4 }).chain((shape) =>
  fc.integer({ min: 0, max: shape.length - 1 }).chain((axis) => {
    const n = dimAt(shape, axis);
    return fc
      .tuple(...shape.map((d) => fc.integer({ min: 1, max: d })))
      .chain((ishape) => {
        const m = dimAt(ishape, axis);
        const lines = size(ishape) / m;
        const line = fc.shuffledSubarray([...Array(n).keys()], { minLength: m, maxLength: m });
        return fc.tuple(
          fc.constant(ishape),
          arbTensor({ shape, min: -3, max: 3 }),
          fc.array(line, { minLength: lines, maxLength: lines }),
          arbTensor({
            shape: fc.tuple(...ishape.map((d) => fc.integer({ min: d, max: d + 1 }))),
            min: -3,
            max: 3,
          }),
          fc.boolean(),
        );
      })
      .map(([ishape, x, perms, src, neg]): OpCase => {
        const m = dimAt(ishape, axis);
        const inner = size(ishape.slice(axis + 1));
        // entry f of the index (row-major) is position j along the axis of line l
        const values = Array.from({ length: size(ishape) }, (_, f) => {
          const j = Math.floor(f / inner) % m;
          const l = Math.floor(f / (inner * m)) * inner + (f % inner);
          return perms[l]?.[j] ?? 0;
        });
        const index = tensor(values, { shape: ishape, dtype: "int32" });
        const a = neg ? axis - shape.length : axis;
        return {
          inputs: [x, index, src],
          call: (t, i, s) => scatter(t, a, i, s),
          shape,
          label: `axis=${a}, index ${JSON.stringify(index.toArray())}`,
        };
      });
  }),
);

export const specs: readonly OpTestSpec[] = [{ op: "scatter", cases: scatterCase }];
