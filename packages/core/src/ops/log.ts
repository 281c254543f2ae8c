import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const logOp = defineUnary({
  name: "log",
  kernel: "log",
  result: "float",
  // d/dx ln x = 1/x
  vjp: (g, { inputs: [x] }) => [g.div(x)],
});

/**
 * Natural logarithm, elementwise (NaN below 0, −Infinity at 0).
 *
 * @example
 * log(tensor([1, Math.E])); // [0, 1]
 */
export function log(x: TensorLike): Tensor {
  return logOp([asTensor(x, undefined, "log")], {});
}
