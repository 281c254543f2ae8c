import { reduction } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  reduction("sum", (x, axes, keepDims) => x.sum(axes, keepDims), { minDim: 0 }),
];
