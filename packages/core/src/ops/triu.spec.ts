import type { OpTestSpec } from "../testing/spec.js";
import { triangleCase } from "./tril.spec.js";
import { triu } from "./triu.js";

export const specs: readonly OpTestSpec[] = [
  { op: "triu", composite: true, cases: triangleCase(triu) },
];
