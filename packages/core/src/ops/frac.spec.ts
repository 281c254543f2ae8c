import { roundingJumps, unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  { ...unary("frac", (x) => x.frac(), { avoid: roundingJumps }), composite: true },
];
