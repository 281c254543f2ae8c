import { alongAxis, dropAxis } from "../testing/along-axis.js";
import type { OpTestSpec } from "../testing/spec.js";
import { minDim } from "./minDim.js";

export const specs: readonly OpTestSpec[] = [
  // values 0.01 apart: no ties, where the returned index would jump
  alongAxis(
    "minDim",
    (x, axis, keepDims) => minDim(x, axis, keepDims).values,
    dropAxis,
    { keepDims: true },
    { composite: true },
  ),
];
