import { unaryTest } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [unaryTest("isnan", (x) => x.isnan())];
