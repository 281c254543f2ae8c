import { isFloat } from "../dtype.js";
import { ArgumentError, DTypeError } from "../errors.js";
import { describeValue, formatShape, reducedShape } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { amax } from "./amax.js";
import { amin } from "./amin.js";
import { asTensor } from "./convert.js";
import { defineOp } from "./define-op.js";
import { type Axes, keptShape, type ReduceAttrs, reduceAttrs } from "./reduction.js";
import { where } from "./where.js";

/** Which norm: a number p (2, 1, Infinity, −Infinity, 0 or any p > 0) or "fro" (the 2-norm). */
export type NormOrder = number | "fro";

interface NormAttrs extends ReduceAttrs {
  /** A finite p > 0 (the other orders are composed from amax, amin and a count). */
  readonly p: number;
}

const normOp = defineOp<[Tensor], NormAttrs>({
  name: "norm",
  shape: ([x], { axes, keepDims }) => reducedShape(x.shape, axes, keepDims),
  dtype: ([x]) => x.dtype,
  compute: ([x], { p, axes, keepDims }) => {
    if (p === 2) return x.mul(x).sum(axes, keepDims).sqrt();
    if (p === 1) return x.abs().sum(axes, keepDims);
    return x
      .abs()
      .pow(p)
      .sum(axes, keepDims)
      .pow(1 / p);
  },
  // ∂‖x‖ₚ/∂xᵢ = sign(xᵢ)|xᵢ|^(p−1) / ‖x‖ₚ^(p−1); 0 where ‖x‖ₚ = 0 (PyTorch's subgradient)
  vjp: (g, { inputs: [x], output: y, attrs }) => {
    const { p } = attrs;
    const kept = keptShape(x, attrs);
    const gk = g.reshape(kept);
    if (p === 1) return [x.sign().mul(gk)];
    const yk = y.reshape(kept);
    // NOTE: the masked positions compute with 1 in place of 0, so that no 0·∞ = NaN reaches the
    // gradient or its own derivative (a masked branch still gets differentiated).
    if (p < 1) {
      const zero = x.eq(0);
      const xs = where(zero, 1, x);
      const scaled = where(zero, 0, xs.sign().mul(xs.abs().pow(p - 1)));
      return [scaled.mul(gk).mul(yk.pow(1 - p))];
    }
    const scaled =
      p === 2 ? x : p < 2 ? x.sign().mul(x.abs().pow(p - 1)) : x.mul(x.abs().pow(p - 2));
    const empty = yk.eq(0);
    const ys = where(empty, 1, yk);
    const scale = where(empty, 0, p === 2 ? gk.div(ys) : gk.div(ys.pow(p - 1)));
    return [scaled.mul(scale)];
  },
});

function checkOrder(p: unknown): number {
  if (p === "fro") return 2;
  if (typeof p !== "number" || Number.isNaN(p) || (p < 0 && p !== -Infinity))
    throw new ArgumentError(
      `norm: p must be a number ≥ 0, Infinity, -Infinity or "fro", got ${describeValue(p)}`,
    );
  return p;
}

/**
 * The vector p-norm of x over `axes` (all when omitted), as PyTorch's `torch.norm(x, p, dim,
 * keepdim)` / `torch.linalg.vector_norm`: (Σ|xᵢ|ᵖ)^(1/p) for p > 0 (2 by default; "fro" is the
 * 2-norm), max|xᵢ| for Infinity, min|xᵢ| for −Infinity, the count of nonzeros for 0. Float tensors
 * only. The gradient of the 2-norm at x = 0 is 0, as PyTorch's subgradient.
 *
 * @example
 * norm(tensor([3, -4])); // 5
 * norm(tensor([[3, -4], [1, 1]]), 1, 1); // [7, 2]
 * norm(tensor([3, -4]), Infinity); // 4
 */
export function norm(x: TensorLike, p: NormOrder = 2, axes?: Axes, keepDims = false): Tensor {
  const t = asTensor(x, undefined, "norm");
  const order = checkOrder(p);
  if (!isFloat(t.dtype))
    throw new DTypeError(
      `norm: expects a float tensor, got ${t.dtype} of shape ${formatShape(t.shape)}; convert it first (x.double())`,
    );
  const attrs = reduceAttrs("norm", t, axes, keepDims);
  if (order === Infinity || order === -Infinity) {
    for (const a of attrs.axes)
      if (t.shape[a] === 0)
        throw new ArgumentError(
          `norm: the ${order}-norm of an empty axis (axis ${a} of shape ${formatShape(t.shape)}) is undefined`,
        );
    const list = axes === undefined ? undefined : attrs.axes;
    // ∂ max|x|/∂xᵢ = sign(xᵢ)/k for the k entries at the maximum (ties share, as PyTorch)
    return order === Infinity ? amax(t.abs(), list, keepDims) : amin(t.abs(), list, keepDims);
  }
  // the count of nonzeros; sign(0) = 0 keeps the graph (a zero gradient, as PyTorch's)
  if (order === 0) return where(t.ne(0), 1, t.sign()).sum(attrs.axes, keepDims);
  return normOp([t], { ...attrs, p: order });
}
