import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const cosOp = defineUnary({
  name: "cos",
  kernel: "cos",
  result: "float",
  // d/dx cos x = −sin x
  vjp: (g, { inputs: [x] }) => [g.mul(x.sin()).neg()],
});

/**
 * The cosine (radians), elementwise.
 *
 * @example
 * cos(tensor([0, Math.PI])); // [1, -1]
 */
export function cos(x: TensorLike): Tensor {
  return cosOp([asTensor(x, undefined, "cos")], {});
}
