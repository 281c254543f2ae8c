import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const absOp = defineUnary({
  name: "abs",
  kernel: "abs",
  result: "same",
  // d/dx |x| = sign(x) (0 at x = 0, as in PyTorch)
  vjp: (g, { inputs: [x] }) => [g.mul(x.sign())],
});

/**
 * Absolute value, elementwise.
 *
 * @example
 * abs(tensor([-1, 2])); // [1, 2]
 */
export function abs(x: TensorLike): Tensor {
  return absOp([asTensor(x, undefined, "abs")], {});
}
