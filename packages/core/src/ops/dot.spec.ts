import fc from "fast-check";
import { arbTensor, type OpCase } from "../testing/index.js";
import type { OpTestSpec } from "../testing/spec.js";
import { dot } from "./dot.js";

export const specs: readonly OpTestSpec[] = [
  {
    op: "dot",
    composite: true,
    cases: fc
      .integer({ min: 1, max: 5 })
      .chain((n) =>
        fc
          .tuple(
            arbTensor({ shape: [n], min: -2, max: 2 }),
            arbTensor({ shape: [n], min: -2, max: 2 }),
          )
          .map(([x, y]): OpCase => ({ inputs: [x, y], call: (s, t) => dot(s, t), shape: [] })),
      ),
  },
];
