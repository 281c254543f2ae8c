import { arbTensor } from "../testing/index.js";
import { anyValue, binary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  binary(
    "hypot",
    (a, b) => a.hypot(b),
    // a away from 0: the rule a/h is not differentiable at the origin
    (s) => arbTensor({ shape: s, min: -3, max: 3, avoid: [0], margin: 0.5 }),
    anyValue,
  ),
];
