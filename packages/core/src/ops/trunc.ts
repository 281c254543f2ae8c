import { zerosLike } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const truncOp = defineUnary({
  name: "trunc",
  kernel: "trunc",
  result: "same",
  // d/dx trunc x = 0 wherever it exists
  vjp: (_g, { inputs: [x] }) => [zerosLike(x)],
});

/**
 * x rounded towards zero, elementwise (dtype kept; the gradient is zero, as PyTorch).
 *
 * @example
 * trunc(tensor([-1.7, 1.7])); // [-1, 1]
 */
export function trunc(x: TensorLike): Tensor {
  return truncOp([asTensor(x, undefined, "trunc")], {});
}
