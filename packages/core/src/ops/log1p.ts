import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const log1pOp = defineUnary({
  name: "log1p",
  kernel: "log1p",
  result: "float",
  // d/dx ln(1 + x) = 1/(1 + x)
  vjp: (g, { inputs: [x] }) => [g.div(x.add(1))],
});

/**
 * ln(1 + x), elementwise, accurate for small x.
 *
 * @example
 * log1p(tensor([1e-10])); // accurate where log(1 + x) loses digits
 */
export function log1p(x: TensorLike): Tensor {
  return log1pOp([asTensor(x, undefined, "log1p")], {});
}
