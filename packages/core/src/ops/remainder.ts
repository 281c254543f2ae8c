import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary } from "./elementwise.js";

const remainderOp = defineBinary({
  name: "remainder",
  kernel: "remainder",
  // remainder(a, b) = a − floor(a/b)·b: ∂/∂a = 1, ∂/∂b = −floor(a/b) (where a/b is not integral)
  vjp: (g, { inputs: [a, b], needsInputGrad: [na, nb] }) => [
    na ? g : null,
    nb ? g.mul(a.div(b).floor()).neg() : null,
  ],
});

/**
 * The Python-style remainder a − floor(a/b)·b, elementwise with broadcasting: the result has the
 * sign of the divisor b (PyTorch's `torch.remainder`; see {@link fmod} for the sign of a).
 *
 * @example
 * remainder(tensor([-3, 3]), 2); // [1, 1]
 */
export function remainder(a: TensorLike, b: TensorLike): Tensor {
  return remainderOp(asPair(a, b, "remainder"), {});
}
