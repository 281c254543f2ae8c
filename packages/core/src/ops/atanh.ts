import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const atanhOp = defineUnary({
  name: "atanh",
  kernel: "atanh",
  result: "float",
  // d/dx atanh x = 1/(1 − x²)
  vjp: (g, { inputs: [x] }) => [g.div(x.square().neg().add(1))],
});

/**
 * The inverse hyperbolic tangent, elementwise: ±Infinity at ±1, NaN outside [−1, 1].
 *
 * @example
 * atanh(tensor([0, 0.5])); // [0, 0.5493]
 */
export function atanh(x: TensorLike): Tensor {
  return atanhOp([asTensor(x, undefined, "atanh")], {});
}
