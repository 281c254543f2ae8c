import fc from "fast-check";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { roll } from "./roll.js";

/** x of rank ≥ 1; shifts (possibly larger than the axis, or negative) along distinct axes, or flattened. */
const rollCase = arbShape({ ...small, minRank: 1, maxDim: 4 }).chain((shape) =>
  fc
    .tuple(
      arbTensor({ shape, min: -3, max: 3 }),
      fc.option(fc.shuffledSubarray([...shape.keys()], { minLength: 1 }), { nil: undefined }),
      fc.array(fc.integer({ min: -6, max: 6 }), {
        minLength: shape.length,
        maxLength: shape.length,
      }),
    )
    .map(([x, dims, all]): OpCase => {
      const shifts = dims === undefined ? (all[0] ?? 0) : all.slice(0, dims.length);
      return {
        inputs: [x],
        call: (t) => roll(t, shifts, dims),
        shape,
        label: `shifts=${JSON.stringify(shifts)} dims=${JSON.stringify(dims)}`,
      };
    }),
);

export const specs: readonly OpTestSpec[] = [{ op: "roll", composite: true, cases: rollCase }];
