import { unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  unary("log10", (x) => x.log10(), { min: 0.1, max: 5 }),
];
