import { ArgumentError, ShapeError } from "./errors.js";

/** A tensor's dimensions, outermost first. `[]` is a scalar. */
export type Shape = readonly number[];

/** Number of elements of a shape (1 for a scalar). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * The size of axis `axis` of `shape`, for an axis the caller has already checked (a bug otherwise,
 * reported as such rather than computing with undefined).
 */
export function dimAt(shape: Shape, axis: number): number {
  const d = shape[axis];
  if (d === undefined) {
    throw new ShapeError(`internal: axis ${axis} is out of range for shape ${formatShape(shape)}`);
  }
  return d;
}

/** Row-major (C-order) strides of a contiguous tensor. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= dimAt(shape, i);
  }
  return strides;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A shape as text for messages: `[2, 3]` becomes "[2, 3]" and a scalar's `[]` becomes "[]".
 *
 * @example
 * formatShape([32, 784]); // "[32, 784]"
 */
export function formatShape(shape: Shape): string {
  return `[${shape.join(", ")}]`;
}

/** Checks that `shape` is a list of non-negative integers; `op` and `arg` name the caller. */
export function checkShape(op: string, arg: string, shape: readonly unknown[]): Shape {
  for (const d of shape) {
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0) {
      throw new ArgumentError(
        `${op}: ${arg} must be a list of non-negative integers, got [${shape.map(String).join(", ")}]`,
      );
    }
  }
  return shape as Shape;
}

/** NumPy broadcasting of several shapes; throws a ShapeError naming the op and every shape. */
export function broadcastShapes(op: string, ...shapes: Shape[]): number[] {
  let rank = 0;
  for (const s of shapes) rank = Math.max(rank, s.length);
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    const offset = rank - s.length;
    for (const [i, d] of s.entries()) {
      const o = out[offset + i] ?? 1;
      if (d === o || d === 1) continue;
      if (o === 1) out[offset + i] = d;
      else
        throw new ShapeError(
          `${op}: shapes ${shapes.map(formatShape).join(" and ")} cannot be broadcast together (dimension ${i - s.length} is ${o} and ${d})`,
        );
    }
  }
  return out;
}

/** Resolves a possibly negative axis against `rank`, or throws naming the op. */
export function normalizeAxis(op: string, axis: number, rank: number): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= Math.max(rank, 1)) {
    throw new ArgumentError(
      `${op}: axis ${axis} is out of range for a tensor of rank ${rank} (expected an integer in [${-rank}, ${Math.max(rank, 1) - 1}])`,
    );
  }
  return axis < 0 ? axis + rank : axis;
}

/** Resolves a list of axes (or all axes when undefined), sorted and without repeats. */
export function normalizeAxes(
  op: string,
  axes: number | readonly number[] | undefined,
  rank: number,
): number[] {
  if (axes === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axes === "number" ? [axes] : axes;
  const out = list.map((a) => normalizeAxis(op, a, rank));
  const sorted = [...out].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) {
      throw new ArgumentError(
        `${op}: axis ${sorted[i]} appears more than once in [${list.join(", ")}]`,
      );
    }
  }
  return sorted;
}

/** The shape left after reducing `axes` (sorted, non-negative) of `shape`. */
export function reducedShape(shape: Shape, axes: readonly number[], keepDims: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (axes.includes(i)) {
      if (keepDims) out.push(1);
    } else out.push(dimAt(shape, i));
  }
  return out;
}
