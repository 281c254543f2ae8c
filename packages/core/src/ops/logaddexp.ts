import { broadcastShapes } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineOp } from "./define-op.js";
import { floatDType } from "./elementwise.js";
import { where } from "./where.js";

const logaddexpOp = defineOp<[Tensor, Tensor]>({
  name: "logaddexp",
  shape: ([a, b]) => broadcastShapes("logaddexp", a.shape, b.shape),
  dtype: floatDType,
  // max(a, b) + log1p(e^(−|a − b|)), stable; equal infinities give themselves, not ∞ − ∞ = NaN
  compute: ([a0, b0], _attrs, out) => {
    const a = a0.to(out.dtype);
    const b = b0.to(out.dtype);
    return where(a.eq(b), a.add(Math.LN2), a.maximum(b).add(a.sub(b).abs().neg().exp().log1p()));
  },
  // ∂ log(eᵃ + eᵇ)/∂a = eᵃ⁻ʸ (= σ(a − b)), likewise for b; y the saved output
  vjp: (g, { inputs: [a, b], output: y, needsInputGrad: [na, nb] }) => [
    na ? g.mul(a.sub(y).exp()) : null,
    nb ? g.mul(b.sub(y).exp()) : null,
  ],
});

/**
 * log(eᵃ + eᵇ), elementwise with broadcasting, without overflow for large a, b.
 *
 * @example
 * logaddexp(tensor([1000]), tensor([1000])); // [1000.6931]
 */
export function logaddexp(a: TensorLike, b: TensorLike): Tensor {
  return logaddexpOp(asPair(a, b, "logaddexp"), {});
}
