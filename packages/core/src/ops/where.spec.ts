import fc from "fast-check";
import { arbBroadcastableShapes, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { where } from "./where.js";

const whereCase = arbBroadcastableShapes(3, small).chain(([out, sc = [], sa = [], sb = []]) =>
  fc
    .tuple(
      arbTensor({ shape: sc, dtype: "int32", min: 0, max: 1 }),
      arbTensor({ shape: sa, min: -3, max: 3 }),
      arbTensor({ shape: sb, min: -3, max: 3 }),
    )
    .map(
      ([c, a, b]): OpCase => ({
        inputs: [c, a, b],
        call: (ct, at, bt) => where(ct, at, bt),
        shape: out,
      }),
    ),
);

export const specs: readonly OpTestSpec[] = [{ op: "where", cases: whereCase }];
