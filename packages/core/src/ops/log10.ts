import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const log10Op = defineUnary({
  name: "log10",
  kernel: "log10",
  result: "float",
  // d/dx log₁₀ x = 1/(x ln 10)
  vjp: (g, { inputs: [x] }) => [g.div(x.mul(Math.LN10))],
});

/**
 * The base-10 logarithm, elementwise.
 *
 * @example
 * log10(tensor([1, 1000])); // [0, 3]
 */
export function log10(x: TensorLike): Tensor {
  return log10Op([asTensor(x, undefined, "log10")], {});
}
