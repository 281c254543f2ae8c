import fc from "fast-check";
import { arbTensor, type OpCase } from "../testing/index.js";
import type { OpTestSpec } from "../testing/spec.js";
import { bmm } from "./bmm.js";

const dim = fc.integer({ min: 1, max: 3 });

export const specs: readonly OpTestSpec[] = [
  {
    op: "bmm",
    composite: true,
    cases: fc.tuple(dim, dim, dim, dim).chain(([b, n, m, p]) =>
      fc
        .tuple(
          arbTensor({ shape: [b, n, m], min: -2, max: 2 }),
          arbTensor({ shape: [b, m, p], min: -2, max: 2 }),
        )
        .map(
          ([x, y]): OpCase => ({
            inputs: [x, y],
            call: (s, t) => bmm(s, t),
            shape: [b, n, p],
            label: `[${b}, ${n}, ${m}]·[${b}, ${m}, ${p}]`,
          }),
        ),
    ),
  },
];
