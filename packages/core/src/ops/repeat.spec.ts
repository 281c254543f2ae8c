import fc from "fast-check";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import type { OpTestSpec } from "../testing/spec.js";
import { repeat } from "./repeat.js";

/** x and one repeat count (0–3) per axis, plus up to two new leading axes. */
const repeatCase = arbShape({ maxRank: 3, maxDim: 3, maxSize: 12 }).chain((shape) =>
  fc
    .tuple(
      arbTensor({ shape, min: -3, max: 3 }),
      fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
      fc.array(fc.integer({ min: 0, max: 3 }), {
        minLength: shape.length,
        maxLength: shape.length,
      }),
    )
    .map(([x, extra, own]): OpCase => {
      const reps = [...extra, ...own];
      return {
        inputs: [x],
        call: (t) => repeat(t, reps),
        shape: [...extra, ...own.map((r, i) => r * (shape[i] ?? 1))],
        label: `reps=[${reps}]`,
      };
    }),
);

export const specs: readonly OpTestSpec[] = [{ op: "repeat", composite: true, cases: repeatCase }];
