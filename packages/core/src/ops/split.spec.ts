import fc from "fast-check";
import { dimAt } from "../shape.js";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { split } from "./split.js";

/** x, an axis, and either a piece size or a list of sizes adding up to the axis; one piece is checked. */
const splitCase = arbShape({ ...small, minRank: 1, maxDim: 5 }).chain((shape) =>
  fc.integer({ min: 0, max: shape.length - 1 }).chain((axis) => {
    const n = dimAt(shape, axis);
    // sizes drawn as cut points of 0..n, independent of split's own arithmetic
    const sections = fc
      .uniqueArray(fc.integer({ min: 0, max: n }), { maxLength: 3 })
      .map((cuts) => {
        const c = [0, ...cuts.sort((p, q) => p - q), n];
        return c.slice(1).map((v, i) => v - (c[i] ?? 0));
      });
    const bySize = fc.integer({ min: 1, max: n + 1 }).map((s) => {
      const sizes: number[] = [];
      for (let left = n; left > 0; left -= s) sizes.push(Math.min(s, left));
      return { arg: s as number | number[], sizes };
    });
    return fc
      .oneof(
        bySize,
        sections.map((s) => ({ arg: s as number | number[], sizes: s })),
      )
      .chain(({ arg, sizes }) =>
        fc.tuple(arbTensor({ shape, min: -3, max: 3 }), fc.nat({ max: sizes.length - 1 })).map(
          ([x, k]): OpCase => ({
            inputs: [x],
            call: (t) => split(t, arg, axis - (k % 2) * shape.length)[k] ?? t,
            shape: shape.map((d, i) => (i === axis ? (sizes[k] ?? 0) : d)),
            label: `splitSizeOrSections=${JSON.stringify(arg)} dim=${axis} piece ${k}`,
          }),
        ),
      );
  }),
);

export const specs: readonly OpTestSpec[] = [{ op: "split", composite: true, cases: splitCase }];
