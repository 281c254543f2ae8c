import { alongAxis, dropAxis } from "../testing/along-axis.js";
import type { OpTestSpec } from "../testing/spec.js";
import { maxDim } from "./maxDim.js";

export const specs: readonly OpTestSpec[] = [
  // values 0.01 apart: no ties, where the returned index would jump
  alongAxis(
    "maxDim",
    (x, axis, keepDims) => maxDim(x, axis, keepDims).values,
    dropAxis,
    { keepDims: true },
    { composite: true },
  ),
];
