import { reduction } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  // values 0.01 apart: no ties, where max is not differentiable
  reduction("max", (x, axes, keepDims) => x.max(axes, keepDims), { distinct: 0.01 }),
];
