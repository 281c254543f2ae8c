import { reduction } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  // values 0.01 apart: no ties, where min is not differentiable
  reduction("min", (x, axes, keepDims) => x.min(axes, keepDims), { distinct: 0.01 }),
];
