import { arbGrid, binary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  // the two grids stay 0.1 apart: no ties, where min is not differentiable
  binary(
    "minimum",
    (a, b) => a.minimum(b),
    (s) => arbGrid(s, 0),
    (s) => arbGrid(s, 0.5),
  ),
];
