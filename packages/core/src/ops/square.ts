import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const squareOp = defineUnary({
  name: "square",
  kernel: "square",
  result: "same",
  // d/dx x² = 2x
  vjp: (g, { inputs: [x] }) => [g.mul(x).mul(2)],
});

/**
 * x², elementwise (the dtype is kept, as PyTorch's square).
 *
 * @example
 * square(tensor([-2, 3])); // [4, 9]
 */
export function square(x: TensorLike): Tensor {
  return squareOp([asTensor(x, undefined, "square")], {});
}
