import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const asinhOp = defineUnary({
  name: "asinh",
  kernel: "asinh",
  result: "float",
  // d/dx asinh x = 1/√(x² + 1)
  vjp: (g, { inputs: [x] }) => [g.mul(x.square().add(1).rsqrt())],
});

/**
 * The inverse hyperbolic sine, elementwise.
 *
 * @example
 * asinh(tensor([0, 1])); // [0, 0.8814]
 */
export function asinh(x: TensorLike): Tensor {
  return asinhOp([asTensor(x, undefined, "asinh")], {});
}
