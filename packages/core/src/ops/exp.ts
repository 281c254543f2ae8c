import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const expOp = defineUnary({
  name: "exp",
  kernel: "exp",
  result: "float",
  // d/dx eˣ = eˣ, from the saved output
  vjp: (g, { output: y }) => [g.mul(y)],
});

/**
 * eˣ, elementwise.
 *
 * @example
 * exp(tensor([0, 1])); // [1, 2.7183]
 */
export function exp(x: TensorLike): Tensor {
  return expOp([asTensor(x, undefined, "exp")], {});
}
