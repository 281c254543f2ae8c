import { arbTensor } from "../testing/index.js";
import { arbGrid, binary, type Draw } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

const dividend: Draw = (s) => arbGrid(s, 0.5);
const divisor: Draw = (s) => arbTensor({ shape: s, min: 3.2, max: 3.5 });

export const specs: readonly OpTestSpec[] = [
  // dividends k + ½ + u (|u| < 0.2, k in −2..2), divisors in [3.2, 3.5]: a/b is never integral
  binary("remainder", (a, b) => a.remainder(b), dividend, divisor),
];
