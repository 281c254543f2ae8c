import { roundingJumps, unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  // the rule is the constant 0: nothing to differentiate a second time
  unary("trunc", (x) => x.trunc(), { avoid: roundingJumps, order: 1 }),
];
