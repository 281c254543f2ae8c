import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const sqrtOp = defineUnary({
  name: "sqrt",
  kernel: "sqrt",
  result: "float",
  // d/dx √x = 1/(2√x)
  vjp: (g, { output: y }) => [g.div(y.mul(2))],
});

/**
 * Square root, elementwise.
 *
 * @example
 * sqrt(tensor([4, 9])); // [2, 3]
 */
export function sqrt(x: TensorLike): Tensor {
  return sqrtOp([asTensor(x, undefined, "sqrt")], {});
}
