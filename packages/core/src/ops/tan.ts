import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const tanOp = defineUnary({
  name: "tan",
  kernel: "tan",
  result: "float",
  // d/dx tan x = 1 + tan² x, from the saved output
  vjp: (g, { output: y }) => [g.mul(y.square().add(1))],
});

/**
 * The tangent (radians), elementwise.
 *
 * @example
 * tan(tensor([0, Math.PI / 4])); // [0, 1]
 */
export function tan(x: TensorLike): Tensor {
  return tanOp([asTensor(x, undefined, "tan")], {});
}
