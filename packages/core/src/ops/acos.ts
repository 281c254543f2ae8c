import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const acosOp = defineUnary({
  name: "acos",
  kernel: "acos",
  result: "float",
  // d/dx acos x = −1/√(1 − x²)
  vjp: (g, { inputs: [x] }) => [g.mul(x.square().neg().add(1).rsqrt()).neg()],
});

/**
 * The inverse cosine, elementwise: NaN outside [−1, 1].
 *
 * @example
 * acos(tensor([1, 0])); // [0, 1.5708]
 */
export function acos(x: TensorLike): Tensor {
  return acosOp([asTensor(x, undefined, "acos")], {});
}
