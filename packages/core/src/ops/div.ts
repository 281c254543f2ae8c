import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary, floatDType } from "./elementwise.js";

const divOp = defineBinary({
  name: "div",
  kernel: "div",
  dtype: floatDType,
  // ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b² = −y/b
  vjp: (g, { inputs: [, b], output: y, needsInputGrad: [na, nb] }) => [
    na ? g.div(b) : null,
    nb ? g.mul(y).div(b).neg() : null,
  ],
});

/**
 * a / b, elementwise with broadcasting (true division: int32 inputs give float32).
 *
 * @example
 * div(tensor([1, 3]), 2); // [0.5, 1.5]
 */
export function div(a: TensorLike, b: TensorLike): Tensor {
  return divOp(asPair(a, b, "div"), {});
}
