import { comparison } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [comparison("ne", (a, b) => a.ne(b))];
