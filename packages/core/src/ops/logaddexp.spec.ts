import { anyValue, binary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  binary("logaddexp", (a, b) => a.logaddexp(b), anyValue, anyValue),
];
