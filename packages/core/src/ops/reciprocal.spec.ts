import { unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  unary("reciprocal", (x) => x.reciprocal(), { min: 0.3, max: 3 }),
];
