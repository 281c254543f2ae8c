import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const atanOp = defineUnary({
  name: "atan",
  kernel: "atan",
  result: "float",
  // d/dx atan x = 1/(1 + x²)
  vjp: (g, { inputs: [x] }) => [g.div(x.square().add(1))],
});

/**
 * The inverse tangent, elementwise, in (−π/2, π/2).
 *
 * @example
 * atan(tensor([0, 1])); // [0, 0.7854]
 */
export function atan(x: TensorLike): Tensor {
  return atanOp([asTensor(x, undefined, "atan")], {});
}
