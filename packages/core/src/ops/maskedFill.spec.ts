import fc from "fast-check";
import { arbBroadcastableShapes, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { maskedFill } from "./maskedFill.js";

/** x and a 0/1 int32 mask that broadcast together; the value a number or a 0-d float64 tensor. */
const maskedFillCase = arbBroadcastableShapes(2, small).chain(([out, sx = [], sm = []]) =>
  fc
    .tuple(
      arbTensor({ shape: sx, min: -3, max: 3 }),
      arbTensor({ shape: sm, dtype: "int32", min: 0, max: 1 }),
      fc.oneof(
        fc.double({ min: -3, max: 3, noNaN: true }),
        arbTensor({ shape: [], min: -3, max: 3 }),
      ),
    )
    .map(
      ([x, mask, value]): OpCase =>
        typeof value === "number"
          ? {
              inputs: [x, mask],
              call: (t, m) => maskedFill(t, m, value),
              shape: out,
              label: `value=${value}`,
            }
          : {
              inputs: [x, mask, value],
              call: (t, m, v) => maskedFill(t, m, v),
              shape: out,
              label: "value: a 0-d tensor",
            },
    ),
);

export const specs: readonly OpTestSpec[] = [
  { op: "maskedFill", composite: true, cases: maskedFillCase },
];
