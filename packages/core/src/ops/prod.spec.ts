import { reduction } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  // values in [−2, 2] keep products of up to 27 values well scaled for central differences
  reduction("prod", (x, axes, keepDims) => x.prod(axes, keepDims), { min: -2, max: 2 }),
];
