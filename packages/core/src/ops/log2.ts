import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const log2Op = defineUnary({
  name: "log2",
  kernel: "log2",
  result: "float",
  // d/dx log₂ x = 1/(x ln 2)
  vjp: (g, { inputs: [x] }) => [g.div(x.mul(Math.LN2))],
});

/**
 * The base-2 logarithm, elementwise.
 *
 * @example
 * log2(tensor([1, 8])); // [0, 3]
 */
export function log2(x: TensorLike): Tensor {
  return log2Op([asTensor(x, undefined, "log2")], {});
}
