import { unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  unary("rsqrt", (x) => x.rsqrt(), { min: 0.3, max: 5 }),
];
