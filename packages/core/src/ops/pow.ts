import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary } from "./elementwise.js";
import { where } from "./where.js";

const powOp = defineBinary({
  name: "pow",
  kernel: "pow",
  // ∂(aᵇ)/∂a = b·aᵇ⁻¹, ∂(aᵇ)/∂b = aᵇ·ln a
  vjp: (g, { inputs: [x, e], output: y, needsInputGrad: [na, nb] }) => {
    // NOTE: a = 0 with b = 0 gives ∂/∂a = 0 (not 0·0⁻¹ = NaN), and a = 0 with b ≥ 0 gives
    // ∂/∂b = 0 (not 0·ln 0 = NaN). Only a = 0 is masked: masking every b = 0 (as PyTorch does)
    // would also zero the derivative of this rule with respect to b there, which is a⁻¹, not 0.
    const da = na ? g.mul(where(e.eq(0).mul(x.eq(0)), 0, e.mul(x.pow(e.sub(1))))) : null;
    const db = nb ? g.mul(where(x.eq(0).mul(e.ge(0)), 0, y.mul(x.log()))) : null;
    return [da, db];
  },
});

/**
 * aᵇ, elementwise with broadcasting.
 *
 * @example
 * pow(tensor([1, 2, 3]), 2); // [1, 4, 9]
 */
export function pow(a: TensorLike, b: TensorLike): Tensor {
  return powOp(asPair(a, b, "pow"), {});
}
