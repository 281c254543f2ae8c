import { zerosLike } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const floorOp = defineUnary({
  name: "floor",
  kernel: "floor",
  result: "same",
  // d/dx floor x = 0 wherever it exists
  vjp: (_g, { inputs: [x] }) => [zerosLike(x)],
});

/**
 * The largest integer ≤ x, elementwise (dtype kept; the gradient is zero, as PyTorch).
 *
 * @example
 * floor(tensor([-1.5, 1.5])); // [-2, 1]
 */
export function floor(x: TensorLike): Tensor {
  return floorOp([asTensor(x, undefined, "floor")], {});
}
