import { zerosLike } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const ceilOp = defineUnary({
  name: "ceil",
  kernel: "ceil",
  result: "same",
  // d/dx ceil x = 0 wherever it exists
  vjp: (_g, { inputs: [x] }) => [zerosLike(x)],
});

/**
 * The smallest integer ≥ x, elementwise (dtype kept; the gradient is zero, as PyTorch).
 *
 * @example
 * ceil(tensor([-1.5, 1.5])); // [-1, 2]
 */
export function ceil(x: TensorLike): Tensor {
  return ceilOp([asTensor(x, undefined, "ceil")], {});
}
