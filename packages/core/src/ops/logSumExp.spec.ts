import { reduction } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  reduction(
    "logSumExp",
    (x, axes, keepDims) => x.logSumExp(axes, keepDims),
    {},
    { composite: true },
  ),
];
