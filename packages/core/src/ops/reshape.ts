import { ArgumentError, ShapeError } from "../errors.js";
import { checkIntegers, formatShape, sizeOf } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineOp } from "./define-op.js";

const reshapeOp = defineOp<[Tensor], { shape: readonly number[] }>({
  name: "reshape",
  shape: (_inputs, { shape }) => shape,
  // a view: the output shares the input's storage
  forward: (_be, [x]) => x.data,
  // reshaping is a relabelling of the same values: the gradient is reshaped back
  vjp: (g, { inputs: [x] }) => [g.reshape(x.shape)],
});

/** `shape` with a single −1 resolved so the size matches `size`. */
function resolveShape(
  op: string,
  inputShape: readonly number[],
  shape: readonly number[],
): number[] {
  const size = sizeOf(inputShape);
  let infer = -1;
  let known = 1;
  shape.forEach((d, i) => {
    if (d === -1) {
      if (infer >= 0)
        throw new ArgumentError(`${op}: only one dimension can be -1, got ${formatShape(shape)}`);
      infer = i;
    } else if (!Number.isInteger(d) || d < 0) {
      throw new ArgumentError(
        `${op}: dimensions must be non-negative integers or -1, got ${formatShape(shape)}`,
      );
    } else known *= d;
  });
  const out = [...shape];
  if (infer >= 0) {
    if (known === 0 || size % known !== 0) {
      throw new ShapeError(
        `${op}: cannot reshape ${formatShape(inputShape)} (${size} elements) into ${formatShape(shape)}`,
      );
    }
    out[infer] = size / known;
  } else if (known !== size) {
    throw new ShapeError(
      `${op}: cannot reshape ${formatShape(inputShape)} (${size} elements) into ${formatShape(shape)} (${known} elements)`,
    );
  }
  return out;
}

/**
 * The same values in a new shape (one dimension may be −1 and is inferred). No copy is made.
 *
 * @example
 * reshape(arange(6), [2, -1]).shape; // [2, 3]
 */
export function reshape(x: TensorLike, shape: readonly number[]): Tensor {
  checkIntegers("reshape", "shape", shape);
  const t = asTensor(x, undefined, "reshape");
  const s = resolveShape("reshape", t.shape, shape);
  if (s.length === t.ndim && s.every((d, i) => d === t.shape[i])) return t;
  return reshapeOp([t], { shape: s });
}

/**
 * Axes `startAxis` … `endAxis` merged into one.
 *
 * @example
 * flatten(zeros([2, 3, 4]), 1).shape; // [2, 12]
 */
export function flatten(x: TensorLike, startAxis = 0, endAxis = -1): Tensor {
  const t = asTensor(x, undefined, "flatten");
  if (t.ndim === 0) return t.reshape([1]);
  const r = t.ndim;
  const s = startAxis < 0 ? startAxis + r : startAxis;
  const e = endAxis < 0 ? endAxis + r : endAxis;
  if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e >= r || s > e) {
    throw new ArgumentError(
      `flatten: invalid axes startAxis=${startAxis}, endAxis=${endAxis} for rank ${r}`,
    );
  }
  const merged = t.shape.slice(s, e + 1).reduce((p, d) => p * d, 1);
  return t.reshape([...t.shape.slice(0, s), merged, ...t.shape.slice(e + 1)]);
}

/**
 * x without size-1 axes: all of them, or only those among `axes` (other axes are left alone, as in
 * PyTorch).
 *
 * @example
 * squeeze(zeros([2, 1, 3])).shape; // [2, 3]
 */
export function squeeze(x: TensorLike, axes?: number | readonly number[]): Tensor {
  const t = asTensor(x, undefined, "squeeze");
  if (axes !== undefined && typeof axes !== "number") checkIntegers("squeeze", "axes", axes);
  const r = t.ndim;
  const list =
    axes === undefined
      ? t.shape.map((_, i) => i)
      : (typeof axes === "number" ? [axes] : axes).map((a) => {
          if (!Number.isInteger(a) || a < -r || a >= Math.max(r, 1)) {
            throw new ArgumentError(`squeeze: axis ${a} is out of range for a tensor of rank ${r}`);
          }
          return a < 0 ? a + r : a;
        });
  return t.reshape(t.shape.filter((d, i) => !(d === 1 && list.includes(i))));
}

/**
 * x with a new size-1 axis at position `axis` (−1 appends).
 *
 * @example
 * unsqueeze(zeros([3]), 0).shape; // [1, 3]
 */
export function unsqueeze(x: TensorLike, axis: number): Tensor {
  const t = asTensor(x, undefined, "unsqueeze");
  const r = t.ndim + 1;
  if (!Number.isInteger(axis) || axis < -r || axis >= r) {
    throw new ArgumentError(`unsqueeze: axis ${axis} is out of range for a result of rank ${r}`);
  }
  const a = axis < 0 ? axis + r : axis;
  return t.reshape([...t.shape.slice(0, a), 1, ...t.shape.slice(a)]);
}
