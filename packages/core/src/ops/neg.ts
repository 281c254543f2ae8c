import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const negOp = defineUnary({
  name: "neg",
  kernel: "neg",
  result: "same",
  // ∂(−x)/∂x = −1
  vjp: (g) => [g.neg()],
});

/**
 * −x, elementwise.
 *
 * @example
 * neg(tensor([1, -2])); // [-1, 2]
 */
export function neg(x: TensorLike): Tensor {
  return negOp([asTensor(x, undefined, "neg")], {});
}
