import { roundingJumps, unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  // the rule is the constant 0: nothing to differentiate a second time
  unary("ceil", (x) => x.ceil(), { avoid: roundingJumps, order: 1 }),
];
