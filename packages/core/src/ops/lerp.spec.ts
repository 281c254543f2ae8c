import { anyValue, binary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  {
    ...binary("lerp", (a, b) => a.lerp(b, b.mul(0.1).add(0.5)), anyValue, anyValue),
    composite: true,
  },
];
