import { ShapeError } from "../errors.js";
import { dimAt, formatShape } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { matmul } from "./matmul.js";

/**
 * Inner product of two 1-D tensors of equal length, a 0-d tensor, as PyTorch's `torch.dot`:
 * Σᵢ aᵢ·bᵢ. Other ranks are an error (use {@link matmul} or {@link sum} of a product).
 *
 * @example
 * dot(tensor([1, 2, 3]), tensor([4, 5, 6])).item(); // 32
 */
export function dot(input: TensorLike, other: TensorLike): Tensor {
  const [a, b] = asPair(input, other, "dot");
  if (a.ndim !== 1 || b.ndim !== 1) {
    throw new ShapeError(
      `dot: expected two 1-D tensors, got shapes ${formatShape(a.shape)} (${a.ndim}-D) and ${formatShape(b.shape)} (${b.ndim}-D)`,
    );
  }
  const n = dimAt(a.shape, 0);
  const m = dimAt(b.shape, 0);
  if (n !== m) {
    throw new ShapeError(
      `dot: the tensors must have the same number of elements, got shapes ${formatShape(a.shape)} and ${formatShape(b.shape)}`,
    );
  }
  // one [1, n]·[n, 1] product in the matmul kernel: no temporary a·b as mul-then-sum would make,
  // and its vjp (g·b, g·a) is itself differentiable
  return matmul(a, b);
}
