import { DTypeError } from "../errors.js";
import { describeValue, normalizeAxis } from "../shape.js";
import { onesLike, zeros } from "../tensor/create.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineOp, type Op } from "./define-op.js";
import { checkIndex, coveredSource, gather, srcLikeBase } from "./gather.js";

const scatterOp: Op<[Tensor, Tensor, Tensor], { axis: number }> = defineOp<
  [Tensor, Tensor, Tensor],
  { axis: number }
>({
  name: "scatter",
  shape: ([base]) => base.shape,
  dtype: srcLikeBase,
  forward: (be, [base, index, src], { axis }, out) =>
    be.scatter(base.data, base.shape, axis, index.data, src.data, index.shape, out.dtype),
  // ∂out/∂base is 1 where nothing was written, 0 where src overwrote it; each src value was
  // written at one position, so it reads the gradient back from there (as PyTorch, even where a
  // repeated position was written again)
  vjp: (g, { inputs: [base, index], attrs: { axis }, needsInputGrad: [nb, , ns] }) => {
    let gBase: Tensor | null = null;
    if (nb) {
      const kept = scatterOp([onesLike(base), index, zeros(index.shape, { dtype: base.dtype })], {
        axis,
      });
      gBase = g.mul(kept);
    }
    return [gBase, null, ns ? gather(g, axis, index) : null];
  },
});

/**
 * A copy of `input` with the values of `src` written at the positions `index` names along `axis`
 * (PyTorch's `torch.scatter` / `x.scatter(dim, index, src)`, without `reduce`): for axis 0,
 * out[index[i][j]][j] = src[i][j]. `src` may be a number, written at every indexed position, or a
 * tensor at least as large as index on every axis (only the part index covers is read); index is
 * int32, of input's rank, no larger than input off `axis`. Out-of-range index values are an
 * IndexError. Where index names a position twice, PyTorch leaves the winner unspecified; here the
 * last in row-major order wins. Gradients as PyTorch's: input's is zero where a value was
 * written; src's is the output gradient gathered at index.
 *
 * @example
 * scatter(zeros([2, 3]), 1, tensor([[2], [0]], { dtype: "int32" }), tensor([[5], [6]]));
 * // [[0, 0, 5], [6, 0, 0]]
 * scatter(zeros([3]), 0, tensor([0, 2], { dtype: "int32" }), 1); // [1, 0, 1]
 */
export function scatter(input: TensorLike, axis: number, index: Tensor, src: TensorLike): Tensor {
  const t = asTensor(input, undefined, "scatter");
  const a = normalizeAxis("scatter", axis, t.ndim);
  const i = checkIndex("scatter", t, a, index);
  if (typeof src === "number") {
    const v = asTensor(src, t.dtype, "scatter");
    return scatterOp([t, i, (v.dtype === t.dtype ? v : v.to(t.dtype)).expand(i.shape)], {
      axis: a,
    });
  }
  if (!(src instanceof Tensor) && !Array.isArray(src) && !ArrayBuffer.isView(src)) {
    throw new DTypeError(`scatter: src must be a number or a tensor, got ${describeValue(src)}`);
  }
  const s = asTensor(src, t.dtype, "scatter");
  return scatterOp([t, i, coveredSource("scatter", s, i)], { axis: a });
}
