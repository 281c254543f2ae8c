import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const acoshOp = defineUnary({
  name: "acosh",
  kernel: "acosh",
  result: "float",
  // d/dx acosh x = 1/√(x² − 1)
  vjp: (g, { inputs: [x] }) => [g.mul(x.square().sub(1).rsqrt())],
});

/**
 * The inverse hyperbolic cosine, elementwise: NaN below 1.
 *
 * @example
 * acosh(tensor([1, 2])); // [0, 1.3170]
 */
export function acosh(x: TensorLike): Tensor {
  return acoshOp([asTensor(x, undefined, "acosh")], {});
}
