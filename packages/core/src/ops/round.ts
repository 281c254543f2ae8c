import { zerosLike } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const roundOp = defineUnary({
  name: "round",
  kernel: "round",
  result: "same",
  // d/dx round x = 0 wherever it exists
  vjp: (_g, { inputs: [x] }) => [zerosLike(x)],
});

/**
 * x rounded to the nearest integer, halves to the even one (as PyTorch and NumPy), elementwise; the gradient is zero.
 *
 * @example
 * round(tensor([0.5, 1.5, 2.5, -0.5])); // [0, 2, 2, -0]
 */
export function round(x: TensorLike): Tensor {
  return roundOp([asTensor(x, undefined, "round")], {});
}
