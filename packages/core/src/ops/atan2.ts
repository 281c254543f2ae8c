import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary, floatDType } from "./elementwise.js";

const atan2Op = defineBinary({
  name: "atan2",
  kernel: "atan2",
  dtype: floatDType,
  // ∂atan2(y, x)/∂y = x/(x² + y²), ∂atan2(y, x)/∂x = −y/(x² + y²)
  vjp: (g, { inputs: [y, x], needsInputGrad: [ny, nx] }) => {
    const r2 = x.square().add(y.square());
    return [ny ? g.mul(x).div(r2) : null, nx ? g.mul(y).div(r2).neg() : null];
  },
});

/**
 * The angle of the point (x, y) from the positive x axis, in (−π, π]: atan(y/x) in the right
 * quadrant, elementwise with broadcasting (PyTorch's `torch.atan2(input, other)`, input = y).
 *
 * @example
 * atan2(tensor([1, -1]), tensor([-1, -1])); // [2.3562, -2.3562]
 */
export function atan2(y: TensorLike, x: TensorLike): Tensor {
  return atan2Op(asPair(y, x, "atan2"), {});
}
