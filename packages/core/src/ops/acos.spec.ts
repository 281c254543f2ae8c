import { unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  unary("acos", (x) => x.acos(), { min: -0.9, max: 0.9 }),
];
