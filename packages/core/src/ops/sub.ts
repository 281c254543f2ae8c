import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary } from "./elementwise.js";

const subOp = defineBinary({
  name: "sub",
  kernel: "sub",
  // ∂(a − b)/∂a = 1, ∂(a − b)/∂b = −1
  vjp: (g, { needsInputGrad: [, nb] }) => [g, nb ? g.neg() : null],
});

/**
 * a − b, elementwise with broadcasting.
 *
 * @example
 * sub(tensor([3, 4]), 1); // [2, 3]
 */
export function sub(a: TensorLike, b: TensorLike): Tensor {
  return subOp(asPair(a, b, "sub"), {});
}
