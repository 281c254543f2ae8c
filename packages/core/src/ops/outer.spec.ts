import fc from "fast-check";
import { arbTensor, type OpCase } from "../testing/index.js";
import type { OpTestSpec } from "../testing/spec.js";
import { outer } from "./outer.js";

const dim = fc.integer({ min: 1, max: 4 });

export const specs: readonly OpTestSpec[] = [
  {
    op: "outer",
    composite: true,
    cases: fc
      .tuple(dim, dim)
      .chain(([n, m]) =>
        fc
          .tuple(
            arbTensor({ shape: [n], min: -2, max: 2 }),
            arbTensor({ shape: [m], min: -2, max: 2 }),
          )
          .map(
            ([x, y]): OpCase => ({ inputs: [x, y], call: (s, t) => outer(s, t), shape: [n, m] }),
          ),
      ),
  },
];
