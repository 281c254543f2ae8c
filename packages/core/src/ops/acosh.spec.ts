import { unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  unary("acosh", (x) => x.acosh(), { min: 1.2, max: 5 }),
];
