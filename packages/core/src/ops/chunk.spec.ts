import fc from "fast-check";
import { dimAt } from "../shape.js";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { chunk } from "./chunk.js";

/** x, an axis and a chunk count; piece k of ⌈n / chunks⌉ entries (fewer for the last) is checked. */
const chunkCase = arbShape({ ...small, minRank: 1, maxDim: 5 }).chain((shape) =>
  fc
    .tuple(fc.integer({ min: 0, max: shape.length - 1 }), fc.integer({ min: 1, max: 6 }))
    .chain(([axis, chunks]) => {
      const n = dimAt(shape, axis);
      const size = Math.ceil(n / chunks);
      const count = Math.ceil(n / size);
      return fc.tuple(arbTensor({ shape, min: -3, max: 3 }), fc.nat({ max: count - 1 })).map(
        ([x, k]): OpCase => ({
          inputs: [x],
          call: (t) => chunk(t, chunks, axis)[k] ?? t,
          shape: shape.map((d, i) => (i === axis ? Math.min(size, n - k * size) : d)),
          label: `chunks=${chunks} dim=${axis} piece ${k}`,
        }),
      );
    }),
);

export const specs: readonly OpTestSpec[] = [{ op: "chunk", composite: true, cases: chunkCase }];
