import { anyValue, binary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [binary("sub", (a, b) => a.sub(b), anyValue, anyValue)];
