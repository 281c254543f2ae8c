import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary } from "./elementwise.js";

const fmodOp = defineBinary({
  name: "fmod",
  kernel: "fmod",
  // fmod(a, b) = a − trunc(a/b)·b: ∂/∂a = 1, ∂/∂b = −trunc(a/b) (where the quotient is not integral)
  vjp: (g, { inputs: [a, b], needsInputGrad: [na, nb] }) => [
    na ? g : null,
    nb ? g.mul(a.div(b).trunc()).neg() : null,
  ],
});

/**
 * The C-style remainder a − trunc(a/b)·b, elementwise with broadcasting: the result has the sign
 * of the dividend a (PyTorch's `torch.fmod`; see {@link remainder} for the sign of b).
 *
 * @example
 * fmod(tensor([-3, 3]), 2); // [-1, 1]
 */
export function fmod(a: TensorLike, b: TensorLike): Tensor {
  return fmodOp(asPair(a, b, "fmod"), {});
}
