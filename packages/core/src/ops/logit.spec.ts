import { unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  { ...unary("logit", (x) => x.logit(), { min: 0.1, max: 0.9 }), composite: true },
];
