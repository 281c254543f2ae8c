import { ArgumentError, ShapeError } from "../errors.js";
import { describeValue, formatShape, shapesEqual } from "../shape.js";
import { zerosLike } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineOp, type Op } from "./define-op.js";

/**
 * How to slice one axis: `null` keeps it whole; a number picks one index and removes the axis;
 * `[start, end, step]` (each optional or null, negatives count from the end) keeps a range.
 */
export type SliceRange =
  | number
  | null
  | readonly [start?: number | null, end?: number | null, step?: number];

/** A normalised slice: per axis, the first index, the step and the result's size. */
export interface SliceAttrs {
  readonly starts: readonly number[];
  readonly steps: readonly number[];
  readonly shape: readonly number[];
}

export const sliceOp: Op<[Tensor], SliceAttrs> = defineOp<[Tensor], SliceAttrs>({
  name: "slice",
  shape: (_inputs, { shape }) => shape,
  forward: (be, [x], attrs, out) => be.slice(x.data, x.shape, attrs, out.shape, out.dtype),
  // the gradient flows back into the sliced positions; the others get 0
  vjp: (g, { inputs: [x], attrs }) => [sliceScatterOp([zerosLike(x), g], attrs)],
});

const sliceScatterOp: Op<[Tensor, Tensor], SliceAttrs> = defineOp<[Tensor, Tensor], SliceAttrs>({
  name: "sliceScatter",
  shape: ([base, src], { shape }) => {
    if (!shapesEqual(src.shape, shape)) {
      throw new ShapeError(
        `sliceScatter: src has shape ${formatShape(src.shape)} but the slice has shape ${formatShape(shape)}`,
      );
    }
    return base.shape;
  },
  forward: (be, [base, src], attrs, out) =>
    be.sliceScatter(base.data, base.shape, src.data, attrs, attrs.shape, out.dtype),
  // base keeps the gradient outside the slice; src receives the gradient inside it
  vjp: (g, { inputs: [, src], attrs }) => [
    sliceScatterOp([g, zerosLike(src)], attrs),
    sliceOp([g], attrs),
  ],
});

/** Normalises `ranges` against `shape`; also returns which axes an integer index removes. */
function normalize(
  op: string,
  shape: readonly number[],
  ranges: readonly SliceRange[],
): [SliceAttrs, number[]] {
  if (!Array.isArray(ranges)) {
    throw new ArgumentError(
      `${op}: ranges must be an array (one entry per axis), got ${describeValue(ranges)}`,
    );
  }
  if (ranges.length > shape.length) {
    throw new ArgumentError(
      `${op}: ${ranges.length} ranges given for a tensor of rank ${shape.length} (shape ${formatShape(shape)})`,
    );
  }
  const starts: number[] = [];
  const steps: number[] = [];
  const out: number[] = [];
  const dropped: number[] = [];
  shape.forEach((n, axis) => {
    const r = ranges[axis];
    if (typeof r === "number") {
      if (!Number.isInteger(r)) {
        throw new ArgumentError(
          `${op}: an index must be an integer, got ${r} for axis ${axis} (use a [start, end, step] range for a span)`,
        );
      }
      if (r < -n || r >= n) {
        throw new ArgumentError(`${op}: index ${r} is out of range for axis ${axis} of size ${n}`);
      }
      starts.push(r < 0 ? r + n : r);
      steps.push(1);
      out.push(1);
      dropped.push(axis);
      return;
    }
    if (r !== null && r !== undefined && !Array.isArray(r)) {
      throw new ArgumentError(
        `${op}: range ${axis} must be an integer, null or a [start, end, step] array, got ${describeValue(r)}`,
      );
    }
    const [s0, e0, st] = r ?? [];
    const step = st ?? 1;
    if (!Number.isInteger(step) || step < 1)
      throw new ArgumentError(
        `${op}: step must be a positive integer, got ${describeValue(step)} on axis ${axis}`,
      );
    const clampIndex = (v: number | null | undefined, dflt: number) => {
      if (v === null || v === undefined) return dflt;
      if (!Number.isInteger(v))
        throw new ArgumentError(
          `${op}: slice bounds must be integers, got ${describeValue(v)} on axis ${axis}`,
        );
      const w = v < 0 ? v + n : v;
      return Math.min(Math.max(w, 0), n);
    };
    const start = clampIndex(s0, 0);
    const end = clampIndex(e0, n);
    starts.push(start);
    steps.push(step);
    out.push(Math.max(0, Math.ceil((end - start) / step)));
  });
  return [{ starts, steps, shape: out }, dropped];
}

/**
 * A part of x: one range (or index) per leading axis; axes not mentioned are kept whole.
 * Like NumPy's `x[1:3, ::2, -1]` written as `slice(x, [[1, 3], [null, null, 2], -1])`.
 *
 * @example
 * slice(arange(10), [[2, -2, 3]]); // [2, 5]
 */
export function slice(x: TensorLike, ranges: readonly SliceRange[]): Tensor {
  const t = asTensor(x, undefined, "slice");
  const [attrs, dropped] = normalize("slice", t.shape, ranges);
  const sliced = shapesEqual(attrs.shape, t.shape) ? t : sliceOp([t], attrs);
  return dropped.length
    ? sliced.reshape(attrs.shape.filter((_, i) => !dropped.includes(i)))
    : sliced;
}

/**
 * A copy of `input` with the part selected by `ranges` (as in `slice`) replaced by `src`.
 *
 * @example
 * sliceScatter(zeros([4]), ones([2]), [[1, 3]]); // [0, 1, 1, 0]
 */
export function sliceScatter(
  input: TensorLike,
  src: TensorLike,
  ranges: readonly SliceRange[],
): Tensor {
  const t = asTensor(input, undefined, "sliceScatter");
  const s = asTensor(src, t.dtype, "sliceScatter");
  const [attrs, dropped] = normalize("sliceScatter", t.shape, ranges);
  const expected = attrs.shape.filter((_, i) => !dropped.includes(i));
  if (!shapesEqual(s.shape, expected)) {
    throw new ShapeError(
      `sliceScatter: src has shape ${formatShape(s.shape)} but the selected part has shape ${formatShape(expected)}`,
    );
  }
  return sliceScatterOp([t, s.reshape(attrs.shape)], attrs);
}
