import { argReduction } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  argReduction("argmax", (x, axis, keepDims) => x.argmax(axis, keepDims)),
];
