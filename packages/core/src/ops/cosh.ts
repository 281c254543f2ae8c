import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const coshOp = defineUnary({
  name: "cosh",
  kernel: "cosh",
  result: "float",
  // d/dx cosh x = sinh x
  vjp: (g, { inputs: [x] }) => [g.mul(x.sinh())],
});

/**
 * The hyperbolic cosine, elementwise.
 *
 * @example
 * cosh(tensor([0, 1])); // [1, 1.5431]
 */
export function cosh(x: TensorLike): Tensor {
  return coshOp([asTensor(x, undefined, "cosh")], {});
}
