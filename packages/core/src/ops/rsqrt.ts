import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const rsqrtOp = defineUnary({
  name: "rsqrt",
  kernel: "rsqrt",
  result: "float",
  // d/dx x^(−½) = −½ x^(−3/2) = −½ y³, from the saved output
  vjp: (g, { output: y }) => [g.mul(y.square().mul(y)).mul(-0.5)],
});

/**
 * 1/√x, elementwise.
 *
 * @example
 * rsqrt(tensor([4, 16])); // [0.5, 0.25]
 */
export function rsqrt(x: TensorLike): Tensor {
  return rsqrtOp([asTensor(x, undefined, "rsqrt")], {});
}
