import { ArgumentError } from "../errors.js";
import { describeValue, dimAt, formatShape, normalizeAxis } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { slice } from "./slice.js";

/** The consecutive pieces of `t` along axis `a` with the given sizes (which sum to its size). */
export function pieces(t: Tensor, a: number, sizes: readonly number[]): Tensor[] {
  const lead = new Array<null>(a).fill(null);
  let start = 0;
  return sizes.map((s) => {
    const piece = slice(t, [...lead, [start, start + s]]);
    start += s;
    return piece;
  });
}

/**
 * x cut into consecutive pieces along `dim` (PyTorch's `torch.split`). A number is the size of each
 * piece (the last one may be smaller); an array gives every piece's size, and they must add up to
 * the size of `dim`. The pieces are slices of x: each one's gradient flows back into its part.
 *
 * @example
 * split(arange(5), 2).map((p) => p.toArray()); // [[0, 1], [2, 3], [4]]
 * split(arange(5), [1, 4]).map((p) => p.shape); // [[1], [4]]
 */
export function split(
  x: TensorLike,
  splitSizeOrSections: number | readonly number[],
  dim = 0,
): Tensor[] {
  const t = asTensor(x, undefined, "split");
  if (t.ndim === 0) throw new ArgumentError("split: cannot split a 0-d tensor (it has no axis)");
  const a = normalizeAxis("split", dim, t.ndim);
  const n = dimAt(t.shape, a);
  if (typeof splitSizeOrSections === "number") {
    const s = splitSizeOrSections;
    if (!Number.isInteger(s) || s < 0 || (s === 0 && n !== 0)) {
      throw new ArgumentError(
        `split: splitSizeOrSections must be a positive integer (or an array of sizes), got ${describeValue(s)} for axis ${a} of size ${n}`,
      );
    }
    const count = s === 0 ? 1 : Math.max(Math.ceil(n / s), 1);
    return pieces(
      t,
      a,
      Array.from({ length: count }, (_, i) => Math.min(s, n - i * s)),
    );
  }
  if (
    !Array.isArray(splitSizeOrSections) ||
    !splitSizeOrSections.every((s) => Number.isInteger(s) && s >= 0)
  ) {
    throw new ArgumentError(
      `split: splitSizeOrSections must be a positive integer or an array of non-negative integers, got ${describeValue(splitSizeOrSections)}`,
    );
  }
  const total = splitSizeOrSections.reduce((p, s) => p + s, 0);
  if (total !== n) {
    throw new ArgumentError(
      `split: the sizes [${splitSizeOrSections.join(", ")}] add up to ${total}, but axis ${a} of x (shape ${formatShape(t.shape)}) has size ${n}`,
    );
  }
  return pieces(t, a, splitSizeOrSections);
}
