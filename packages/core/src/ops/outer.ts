import { ShapeError } from "../errors.js";
import { dimAt, formatShape } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";

/**
 * Outer product of two 1-D tensors, as PyTorch's `torch.outer`: `out[i][j] = a[i]·b[j]`, shape
 * `[a.length, b.length]`.
 *
 * @example
 * outer(tensor([1, 2]), tensor([3, 4, 5])).toArray(); // [[3, 4, 5], [6, 8, 10]]
 */
export function outer(input: TensorLike, vec2: TensorLike): Tensor {
  const [a, b] = asPair(input, vec2, "outer");
  if (a.ndim !== 1 || b.ndim !== 1) {
    throw new ShapeError(
      `outer: expected two 1-D tensors, got shapes ${formatShape(a.shape)} (${a.ndim}-D) and ${formatShape(b.shape)} (${b.ndim}-D)`,
    );
  }
  // a column times a row, broadcast: each entry is one exact product (no sum to round), and the
  // gradient comes from mul's rule (g·b summed over j, g·a summed over i)
  return a.reshape([dimAt(a.shape, 0), 1]).mul(b.reshape([1, dimAt(b.shape, 0)]));
}
