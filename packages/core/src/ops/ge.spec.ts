import { comparison } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [comparison("ge", (a, b) => a.ge(b))];
