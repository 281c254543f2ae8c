import fc from "fast-check";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import type { OpTestSpec } from "../testing/spec.js";
import { tile } from "./tile.js";

/** x and repeat counts for any number of trailing axes (fewer or more than x's rank). */
const tileCase = arbShape({ maxRank: 3, maxDim: 3, maxSize: 12 }).chain((shape) =>
  fc
    .tuple(
      arbTensor({ shape, min: -3, max: 3 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: shape.length + 1 }),
    )
    .map(([x, reps]): OpCase => {
      const rank = Math.max(shape.length, reps.length);
      const s = [...new Array<number>(rank - shape.length).fill(1), ...shape];
      const r = [...new Array<number>(rank - reps.length).fill(1), ...reps];
      return {
        inputs: [x],
        call: (t) => tile(t, reps),
        shape: s.map((d, i) => d * (r[i] ?? 1)),
        label: `reps=[${reps}]`,
      };
    }),
);

export const specs: readonly OpTestSpec[] = [{ op: "tile", composite: true, cases: tileCase }];
