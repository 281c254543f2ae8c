import { reduction } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { amin } from "./amin.js";

export const specs: readonly OpTestSpec[] = [
  // values 0.01 apart: no ties, where amin is not differentiable
  reduction(
    "amin",
    (x, axes, keepDims) => amin(x, axes, keepDims),
    { distinct: 0.01 },
    { composite: true },
  ),
];
