import { alongAxis } from "../testing/along-axis.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  // values 0.01 apart: no ties, where the order would jump
  alongAxis(
    "sort",
    (x, axis, descending) => x.sort(axis, descending).values,
    (shape) => shape,
    { keepDims: true },
    { composite: true },
  ),
];
