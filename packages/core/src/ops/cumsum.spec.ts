import { alongAxis } from "../testing/along-axis.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  alongAxis(
    "cumsum",
    (x, axis) => x.cumsum(axis),
    (shape) => shape,
    { distinct: 0 },
  ),
];
