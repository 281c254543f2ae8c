import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const sinOp = defineUnary({
  name: "sin",
  kernel: "sin",
  result: "float",
  // d/dx sin x = cos x
  vjp: (g, { inputs: [x] }) => [g.mul(x.cos())],
});

/**
 * The sine (radians), elementwise.
 *
 * @example
 * sin(tensor([0, Math.PI / 2])); // [0, 1]
 */
export function sin(x: TensorLike): Tensor {
  return sinOp([asTensor(x, undefined, "sin")], {});
}
