import { reduction } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  reduction("mean", (x, axes, keepDims) => x.mean(axes, keepDims), {}, { composite: true }),
];
