import { ArgumentError } from "../errors.js";
import { checkIntegers, dimAt, normalizeAxis } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineOp } from "./define-op.js";

const permuteOp = defineOp<[Tensor], { perm: readonly number[] }>({
  name: "permute",
  shape: ([x], { perm }) => perm.map((p) => dimAt(x.shape, p)),
  forward: (be, [x], { perm }, out) => be.permute(x.data, x.shape, perm, out.dtype),
  // permuting is undone by the inverse permutation
  vjp: (g, { attrs: { perm } }) => {
    const inverse = new Array<number>(perm.length);
    perm.forEach((p, i) => {
      inverse[p] = i;
    });
    return [g.permute(inverse)];
  },
});

/**
 * x with its axes reordered: output axis i is input axis perm[i] (negative axes allowed).
 *
 * @example
 * permute(zeros([2, 3, 4]), [2, 0, 1]).shape; // [4, 2, 3]
 */
export function permute(x: TensorLike, perm: readonly number[]): Tensor {
  checkIntegers("permute", "perm", perm);
  const t = asTensor(x, undefined, "permute");
  if (perm.length !== t.ndim) {
    throw new ArgumentError(
      `permute: perm [${perm.join(", ")}] has ${perm.length} axes but the tensor has rank ${t.ndim}`,
    );
  }
  const p = perm.map((a) => normalizeAxis("permute", a, t.ndim));
  if (new Set(p).size !== p.length)
    throw new ArgumentError(`permute: perm [${perm.join(", ")}] repeats an axis`);
  if (p.every((a, i) => a === i)) return t;
  return permuteOp([t], { perm: p });
}

/**
 * x with two axes swapped (the last two by default).
 *
 * @example
 * transpose(zeros([2, 3])).shape; // [3, 2]
 */
export function transpose(x: TensorLike, axis0 = -2, axis1 = -1): Tensor {
  const t = asTensor(x, undefined, "transpose");
  const a = normalizeAxis("transpose", axis0, t.ndim);
  const b = normalizeAxis("transpose", axis1, t.ndim);
  const perm = t.shape.map((_, i) => (i === a ? b : i === b ? a : i));
  return permute(t, perm);
}
