import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary, floatDType } from "./elementwise.js";

const hypotOp = defineBinary({
  name: "hypot",
  kernel: "hypot",
  dtype: floatDType,
  // ∂√(a² + b²)/∂a = a/h, ∂/∂b = b/h, h the saved output
  vjp: (g, { inputs: [a, b], output: h, needsInputGrad: [na, nb] }) => [
    na ? g.mul(a).div(h) : null,
    nb ? g.mul(b).div(h) : null,
  ],
});

/**
 * √(a² + b²), elementwise with broadcasting, without overflow or underflow in the squares.
 *
 * @example
 * hypot(tensor([3, 1e200]), tensor([4, 1e200])); // [5, 1.4142e200]
 */
export function hypot(a: TensorLike, b: TensorLike): Tensor {
  return hypotOp(asPair(a, b, "hypot"), {});
}
