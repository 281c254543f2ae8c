import { arbTensor } from "../testing/index.js";
import { anyValue, binary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  binary(
    "xlogy",
    (x, y) => x.xlogy(y),
    anyValue,
    (s) => arbTensor({ shape: s, min: 0.2, max: 3 }),
  ),
];
