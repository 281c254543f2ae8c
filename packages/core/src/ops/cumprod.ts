import { tensor } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { cumsumOp, type ScanAttrs } from "./cumsum.js";
import { defineOp, type Op } from "./define-op.js";
import { checkAxis } from "./values-indices.js";
import { where } from "./where.js";

/**
 * Whether a product's gradient may be taken as y / xᵢ: every product in y is a finite normal
 * nonzero number, and so is every xᵢ² (which the gradient's own derivative, −y / xᵢ², needs). An
 * exact zero in x, or a product that underflowed or overflowed, would make y / xᵢ wrong, and the
 * gradient is then computed without dividing.
 */
export function divisible(x: Tensor, y: Tensor): boolean {
  // the smallest normal number of the dtype, and the range where x² stays normal and finite
  const tiny = x.dtype === "float32" ? 2 ** -126 : 2 ** -1022;
  const root = Math.sqrt(tiny);
  for (const v of y._data) if (!(Math.abs(v) >= tiny && Math.abs(v) < Infinity)) return false;
  for (const v of x._data) if (!(Math.abs(v) >= root && Math.abs(v) <= 1 / root)) return false;
  return true;
}

/**
 * The gradient of a cumprod without dividing by x, exact with zeros: with x's `axis` moved last,
 * Gⱼ = Σᵢ gᵢ ∂yᵢ/∂xⱼ where ∂yᵢ/∂xⱼ = [j ≤ i] Π_{k ≤ i, k ≠ j} xₖ is the cumprod of x with xⱼ
 * replaced by 1, masked to i ≥ j (i ≤ j when reversed). It is built as an [..., n, n] tensor (O(n²)),
 * a polynomial in x, so its own derivative (grad-of-grad) is exact too, as PyTorch's with zeros.
 */
function cumprodGradWithZeros(g: Tensor, x: Tensor, axis: number, reverse: boolean): Tensor {
  const last = x.ndim - 1;
  const xt = x.transpose(axis, last);
  const gt = g.transpose(axis, last);
  const n = xt.shape[last] ?? 1;
  const diag = new Float64Array(n * n);
  const upper = new Float64Array(n * n); // [j][i]: 1 where output i depends on input j
  for (let j = 0; j < n; j++) {
    diag[j * n + j] = 1;
    for (let i = 0; i < n; i++) upper[j * n + i] = (reverse ? i <= j : i >= j) ? 1 : 0;
  }
  const eye = tensor(diag, { shape: [n, n], dtype: "int32" });
  const mask = tensor(upper, { shape: [n, n], dtype: x.dtype });
  const rows = [...xt.shape.slice(0, last), n, n];
  const omitted = where(eye, 1, xt.unsqueeze(-2).expand(rows)); // [..., j, k]: xₖ, 1 at k = j
  const d = cumprodOp([omitted], { axis: last + 1, reverse }).mul(mask); // [..., j, i]: ∂yᵢ/∂xⱼ
  return d.mul(gt.unsqueeze(-2)).sum(-1).transpose(axis, last);
}

/** The op behind `cumprod`; `reverse` multiplies from the end (used by prod's gradient). */
export const cumprodOp: Op<[Tensor], ScanAttrs> = defineOp<[Tensor], ScanAttrs>({
  name: "cumprod",
  shape: ([x]) => x.shape,
  dtype: ([x]) => x.dtype,
  forward: (be, [x], { axis, reverse }, out) =>
    be.scan("cumprod", x.data, x.shape, axis, reverse, out.dtype),
  // ∂yᵢ/∂xⱼ = [j ≤ i] yᵢ / xⱼ: G = reversed cumsum(g ⊙ y) / x, or without division where x has a zero
  vjp: (g, { inputs: [x], output: y, attrs: { axis, reverse } }) => {
    if (x.ndim === 0 || (x.shape[axis] ?? 1) <= 1) return [g];
    // NOTE: as PyTorch, division where x has no zero (O(n)); the O(n²) exact form only with zeros
    // (or products too small or large to divide).
    if (divisible(x, y)) return [cumsumOp([g.mul(y)], { axis, reverse: !reverse }).div(x)];
    return [cumprodGradWithZeros(g, x, axis, reverse)];
  },
});

/**
 * Cumulative product along `axis`: out[i] = x[0] · … · x[i], as PyTorch's `torch.cumprod(x, dim)`.
 * Its gradient is exact where x has zeros (one or several); int32 stays int32.
 *
 * @example
 * cumprod(tensor([1, 2, 3, 4]), 0); // [1, 2, 6, 24]
 */
export function cumprod(x: TensorLike, axis: number): Tensor {
  const t = asTensor(x, undefined, "cumprod");
  return cumprodOp([t], { axis: checkAxis("cumprod", axis, t.ndim), reverse: false });
}
