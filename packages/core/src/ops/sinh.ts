import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const sinhOp = defineUnary({
  name: "sinh",
  kernel: "sinh",
  result: "float",
  // d/dx sinh x = cosh x
  vjp: (g, { inputs: [x] }) => [g.mul(x.cosh())],
});

/**
 * The hyperbolic sine, elementwise.
 *
 * @example
 * sinh(tensor([0, 1])); // [0, 1.1752]
 */
export function sinh(x: TensorLike): Tensor {
  return sinhOp([asTensor(x, undefined, "sinh")], {});
}
