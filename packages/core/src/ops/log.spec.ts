import { unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [unary("log", (x) => x.log(), { min: 0.1, max: 5 })];
