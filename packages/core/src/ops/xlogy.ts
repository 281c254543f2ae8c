import { broadcastShapes } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineOp } from "./define-op.js";
import { floatDType } from "./elementwise.js";
import { where } from "./where.js";

const xlogyOp = defineOp<[Tensor, Tensor]>({
  name: "xlogy",
  shape: ([x, y]) => broadcastShapes("xlogy", x.shape, y.shape),
  dtype: floatDType,
  // x·log y, and 0 where x = 0 (unless y is NaN), as PyTorch
  compute: ([x0, y0], _attrs, out) => {
    const x = x0.to(out.dtype);
    const y = y0.to(out.dtype);
    return where(x.eq(0).mul(y.isnan().eq(0)), 0, x.mul(y.log()));
  },
  // ∂/∂x = log y where x ≠ 0 (0 where x = 0), ∂/∂y = x/y
  vjp: (g, { inputs: [x, y], needsInputGrad: [nx, ny] }) => [
    nx ? g.mul(where(x.eq(0), 0, y.log())) : null,
    ny ? g.mul(x).div(y) : null,
  ],
});

/**
 * x · log(y), elementwise with broadcasting, defined as 0 where x = 0 (even for y = 0), unless y
 * is NaN: the term of an entropy or a KL divergence.
 *
 * @example
 * xlogy(tensor([0, 2]), tensor([0, Math.E])); // [0, 2]
 */
export function xlogy(x: TensorLike, y: TensorLike): Tensor {
  return xlogyOp(asPair(x, y, "xlogy"), {});
}
