import { arbTensor } from "../testing/index.js";
import { binary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  binary(
    "pow",
    (a, b) => a.pow(b),
    (s) => arbTensor({ shape: s, min: 0.5, max: 3 }),
    (s) => arbTensor({ shape: s, min: -2, max: 2 }),
  ),
];
