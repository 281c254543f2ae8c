import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const asinOp = defineUnary({
  name: "asin",
  kernel: "asin",
  result: "float",
  // d/dx asin x = 1/√(1 − x²)
  vjp: (g, { inputs: [x] }) => [g.mul(x.square().neg().add(1).rsqrt())],
});

/**
 * The inverse sine, elementwise: NaN outside [−1, 1].
 *
 * @example
 * asin(tensor([0, 1])); // [0, 1.5708]
 */
export function asin(x: TensorLike): Tensor {
  return asinOp([asTensor(x, undefined, "asin")], {});
}
