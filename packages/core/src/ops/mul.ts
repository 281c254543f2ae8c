import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary } from "./elementwise.js";

const mulOp = defineBinary({
  name: "mul",
  kernel: "mul",
  // ∂(ab)/∂a = b, ∂(ab)/∂b = a
  vjp: (g, { inputs: [a, b], needsInputGrad: [na, nb] }) => [
    na ? g.mul(b) : null,
    nb ? g.mul(a) : null,
  ],
});

/**
 * a · b, elementwise with broadcasting.
 *
 * @example
 * mul(tensor([1, 2]), tensor([3, 4])); // [3, 8]
 */
export function mul(a: TensorLike, b: TensorLike): Tensor {
  return mulOp(asPair(a, b, "mul"), {});
}
