import { reduction } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { amax } from "./amax.js";

export const specs: readonly OpTestSpec[] = [
  // values 0.01 apart: no ties, where amax is not differentiable
  reduction(
    "amax",
    (x, axes, keepDims) => amax(x, axes, keepDims),
    { distinct: 0.01 },
    { composite: true },
  ),
];
