import { unary } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";

export const specs: readonly OpTestSpec[] = [
  // float64 → float32 → float64: the float32 rounding needs a coarser finite-difference step
  { ...unary("cast", (x) => x.to("float32").to("float64")), gradcheck: { eps: 1e-3, atol: 1e-4 } },
];
