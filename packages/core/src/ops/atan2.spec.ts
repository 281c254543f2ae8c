import { arbTensor } from "../testing/index.js";
import { binary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  binary(
    "atan2",
    (y, x) => y.atan2(x),
    // y away from 0: atan2 jumps by 2π across the negative x axis
    (s) => arbTensor({ shape: s, min: -3, max: 3, avoid: [0], margin: 0.5 }),
    (s) => arbTensor({ shape: s, min: -3, max: 3, avoid: [0], margin: 0.5 }),
  ),
];
