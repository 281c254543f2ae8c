import { ArgumentError } from "../errors.js";
import { describeValue, dimAt, normalizeAxis } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { pieces, split } from "./split.js";

/**
 * x cut into `chunks` pieces of equal size along `dim`, the last one smaller when the size does
 * not divide evenly (PyTorch's `torch.chunk`). As in PyTorch, each piece has ⌈size / chunks⌉
 * entries, so fewer pieces than asked may come back (size 5 in 4 chunks gives 3 pieces: 2, 2, 1).
 * The pieces are slices of x.
 *
 * @example
 * chunk(arange(6), 3).map((p) => p.toArray()); // [[0, 1], [2, 3], [4, 5]]
 * chunk(arange(5), 4).length; // 3
 */
export function chunk(x: TensorLike, chunks: number, dim = 0): Tensor[] {
  const t = asTensor(x, undefined, "chunk");
  if (t.ndim === 0) throw new ArgumentError("chunk: cannot chunk a 0-d tensor (it has no axis)");
  if (typeof chunks !== "number" || !Number.isInteger(chunks) || chunks < 1) {
    throw new ArgumentError(
      `chunk: chunks must be a positive integer, got ${describeValue(chunks)}`,
    );
  }
  const a = normalizeAxis("chunk", dim, t.ndim);
  const n = dimAt(t.shape, a);
  // NOTE: an empty axis gives `chunks` empty pieces, as PyTorch's chunk does
  if (n === 0) return pieces(t, a, new Array<number>(chunks).fill(0));
  return split(t, Math.ceil(n / chunks), a);
}
