import { unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  // sign's rule is the constant 0: there is nothing to differentiate a second time
  unary("sign", (x) => x.sign(), { avoid: [0], order: 1 }),
];
