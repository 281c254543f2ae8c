import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const exp2Op = defineUnary({
  name: "exp2",
  kernel: "exp2",
  result: "float",
  // d/dx 2ˣ = 2ˣ ln 2, from the saved output
  vjp: (g, { output: y }) => [g.mul(y).mul(Math.LN2)],
});

/**
 * 2ˣ, elementwise.
 *
 * @example
 * exp2(tensor([0, 3])); // [1, 8]
 */
export function exp2(x: TensorLike): Tensor {
  return exp2Op([asTensor(x, undefined, "exp2")], {});
}
