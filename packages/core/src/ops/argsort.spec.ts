import { alongAxis } from "../testing/along-axis.js";
import type { OpCase, OpTestSpec } from "../testing/spec.js";

const spec = alongAxis(
  "argsort",
  (x, axis, descending) => x.argsort(axis, descending),
  (shape) => shape,
  { keepDims: true },
);

export const specs: readonly OpTestSpec[] = [
  // int32 indices: no gradient
  { ...spec, order: 0, cases: spec.cases.map((c): OpCase => ({ ...c, dtype: "int32" })) },
];
