import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { triangle } from "./tril.js";

/**
 * The upper triangle of a matrix (or of each matrix in a batch: the last two axes), the rest set
 * to 0 (PyTorch's `torch.triu`). `diagonal` moves the boundary: 0 keeps the main diagonal, 1 drops
 * it, −1 also keeps the one below it. Its gradient is the incoming one, masked the same way.
 *
 * @example
 * triu(ones([3, 3])); // [[1, 1, 1], [0, 1, 1], [0, 0, 1]]
 * triu(ones([3, 3]), 1); // [[0, 1, 1], [0, 0, 1], [0, 0, 0]]
 */
export function triu(x: TensorLike, diagonal = 0): Tensor {
  return triangle("triu", x, diagonal, false);
}
