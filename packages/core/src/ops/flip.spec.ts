import fc from "fast-check";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { flip } from "./flip.js";

/** x of rank ≥ 1 and a set of distinct axes, each given as positive or negative. */
const flipCase = arbShape({ ...small, minRank: 1, maxDim: 4 }).chain((shape) =>
  fc
    .tuple(
      arbTensor({ shape, min: -3, max: 3 }),
      fc.subarray([...shape.keys()], { minLength: 1 }),
      fc.boolean(),
    )
    .map(([x, axes, neg]): OpCase => {
      const dims = axes.map((a) => (neg ? a - shape.length : a));
      return { inputs: [x], call: (t) => flip(t, dims), shape, label: `dims=[${dims}]` };
    }),
);

export const specs: readonly OpTestSpec[] = [{ op: "flip", composite: true, cases: flipCase }];
