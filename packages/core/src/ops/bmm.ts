import { ShapeError } from "../errors.js";
import { dimAt, formatShape } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { matmul } from "./matmul.js";

/**
 * Batched matrix product of two 3-D tensors, as PyTorch's `torch.bmm`: `[b, n, m] · [b, m, p]` is
 * `[b, n, p]`, one matrix product per batch entry. Unlike {@link matmul}, the batch sizes must be
 * equal (nothing broadcasts), so a shape slip is an error rather than a silent broadcast.
 *
 * @example
 * bmm(ones([8, 2, 3]), ones([8, 3, 4])).shape; // [8, 2, 4]
 */
export function bmm(input: TensorLike, mat2: TensorLike): Tensor {
  const [a, b] = asPair(input, mat2, "bmm");
  for (const [name, t] of [
    ["input", a],
    ["mat2", b],
  ] as const) {
    if (t.ndim !== 3) {
      throw new ShapeError(
        `bmm: ${name} must be a 3-D tensor [batch, rows, cols], got shape ${formatShape(t.shape)} (${t.ndim}-D); use matmul for other ranks`,
      );
    }
  }
  const batchA = dimAt(a.shape, 0);
  const batchB = dimAt(b.shape, 0);
  if (batchA !== batchB) {
    throw new ShapeError(
      `bmm: input ${formatShape(a.shape)} holds ${batchA} matrices but mat2 ${formatShape(b.shape)} holds ${batchB}; bmm needs equal batch sizes (matmul broadcasts them)`,
    );
  }
  const k1 = dimAt(a.shape, 2);
  const k2 = dimAt(b.shape, 1);
  if (k1 !== k2) {
    throw new ShapeError(
      `bmm: cannot multiply ${formatShape(a.shape)} by ${formatShape(b.shape)}: inner dimensions ${k1} and ${k2} differ`,
    );
  }
  // matmul's kernel already multiplies batches (one product per leading index, no copy): with the
  // shapes checked above, it computes exactly bmm and its vjp gives the gradients
  return matmul(a, b);
}
