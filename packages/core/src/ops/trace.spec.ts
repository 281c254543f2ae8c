import fc from "fast-check";
import { arbTensor, type OpCase } from "../testing/index.js";
import type { OpTestSpec } from "../testing/spec.js";
import { trace } from "./trace.js";

const dim = fc.integer({ min: 1, max: 4 });

export const specs: readonly OpTestSpec[] = [
  {
    op: "trace",
    composite: true,
    cases: fc
      .tuple(dim, dim)
      .chain(([n, m]) =>
        arbTensor({ shape: [n, m], min: -3, max: 3 }).map(
          (x): OpCase => ({ inputs: [x], call: (t) => trace(t), shape: [] }),
        ),
      ),
  },
];
