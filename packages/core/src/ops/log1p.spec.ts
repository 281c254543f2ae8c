import { unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  unary("log1p", (x) => x.log1p(), { min: -0.9, max: 5 }),
];
