import { zerosLike } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const signOp = defineUnary({
  name: "sign",
  kernel: "sign",
  result: "same",
  // d/dx sign(x) = 0 wherever it exists
  vjp: (_g, { inputs: [x] }) => [zerosLike(x)],
});

/**
 * Sign (−1, 0 or 1), elementwise; NaN stays NaN.
 *
 * @example
 * sign(tensor([-3, 0, 2])); // [-1, 0, 1]
 */
export function sign(x: TensorLike): Tensor {
  return signOp([asTensor(x, undefined, "sign")], {});
}
