import fc from "fast-check";
import { arbBroadcastableShapes, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { expand } from "./expand.js";

const expandCase = arbBroadcastableShapes(1, small).chain(([, s = []]) =>
  fc
    .tuple(arbTensor({ shape: s, min: -3, max: 3 }), fc.integer({ min: 1, max: 3 }))
    .map(([x, lead]): OpCase => {
      // a new leading axis of size `lead`; every size-1 axis grows to 2, the others stay (-1)
      const target = [lead, ...s.map((d) => (d === 1 ? 2 : d))];
      const spec = [lead, ...s.map((d) => (d === 1 ? 2 : -1))];
      return {
        inputs: [x],
        call: (t) => expand(t, spec),
        shape: target,
        label: `to ${JSON.stringify(spec)}`,
      };
    }),
);

export const specs: readonly OpTestSpec[] = [{ op: "expand", cases: expandCase }];
