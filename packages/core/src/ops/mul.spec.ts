import { anyValue, binary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [binary("mul", (a, b) => a.mul(b), anyValue, anyValue)];
