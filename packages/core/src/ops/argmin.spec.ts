import { argReduction } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  argReduction("argmin", (x, axis, keepDims) => x.argmin(axis, keepDims)),
];
