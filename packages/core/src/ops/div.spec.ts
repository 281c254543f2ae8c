import { arbTensor } from "../testing/index.js";
import { anyValue, binary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  binary(
    "div",
    (a, b) => a.div(b),
    anyValue,
    (s) => arbTensor({ shape: s, min: -3, max: 3, avoid: [0], margin: 0.5 }),
  ),
];
