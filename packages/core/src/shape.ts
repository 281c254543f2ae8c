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

/** Whether an array of shape `from` broadcasts to shape `to` (NumPy's rules, `to` unchanged). */
export function broadcastsTo(from: Shape, to: Shape): boolean {
  const lead = to.length - from.length;
  if (lead < 0) return false;
  return from.every((d, i) => d === 1 || d === to[lead + i]);
}

/**
 * A shape as text for messages: `[2, 3]` becomes "[2, 3]" and a scalar's `[]` becomes "[]".
 *
 * @example
 * formatShape([32, 784]); // "[32, 784]"
 */
export function formatShape(shape: Shape): string {
  if (!Array.isArray(shape))
    throw new ArgumentError(`formatShape: shape must be an array, got ${describeValue(shape)}`);
  return `[${shape.join(", ")}]`;
}

/**
 * The most elements one tensor may hold: 2³² − 1, the longest typed array JS engines allow. Larger
 * shapes are refused with a named error before anything is allocated.
 */
export const MAX_ELEMENTS = 2 ** 32 - 1;

/**
 * Checks that `shape` is a list of non-negative integers (a single number n means [n], as in
 * PyTorch's `zeros(3)`) whose product fits in one tensor; `op` and `arg` name the caller.
 */
export function checkShape(op: string, arg: string, shape: unknown): Shape {
  const list = typeof shape === "number" ? [shape] : shape;
  if (!Array.isArray(list)) {
    throw new ArgumentError(
      `${op}: ${arg} must be an array of non-negative integers (or one integer), got ${describeValue(shape)}`,
    );
  }
  for (const d of list) {
    if (typeof d !== "number" || !Number.isInteger(d) || d < 0) {
      throw new ArgumentError(
        `${op}: ${arg} must be a list of non-negative integers, got [${list.map(describeValue).join(", ")}]`,
      );
    }
  }
  checkSize(op, list as Shape);
  return [...(list as number[])];
}

/** Throws a ShapeError naming `op` when a tensor of `shape` would have more than MAX_ELEMENTS. */
export function checkSize(op: string, shape: Shape): void {
  const n = sizeOf(shape);
  if (n > MAX_ELEMENTS) {
    throw new ShapeError(
      `${op}: shape ${formatShape(shape)} has ${n.toExponential(3)} elements, more than one tensor can hold (at most ${MAX_ELEMENTS}, and only as many as fit in memory)`,
    );
  }
}

/** A short description of any value for error messages: numbers and strings as written. */
export function describeValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  if (typeof value === "object") return value.constructor?.name ?? "an object";
  return typeof value;
}

/**
 * NumPy broadcasting of several shapes; throws a ShapeError naming the op and every shape.
 *
 * @example
 * broadcastShapes("add", [3, 1], [4]); // [3, 4]
 */
export function broadcastShapes(op: string, ...shapes: Shape[]): number[] {
  if (typeof op !== "string")
    throw new ArgumentError(
      `broadcastShapes: the first argument names the op (a string), got ${describeValue(op)}`,
    );
  for (const [i, s] of shapes.entries()) checkIntegers(op, `shape ${i}`, s);
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

/** Throws unless `value` is a function; `op` and `arg` name the caller. */
export function checkFunction(op: string, arg: string, value: unknown): void {
  if (typeof value !== "function")
    throw new ArgumentError(`${op}: ${arg} must be a function, got ${describeValue(value)}`);
}

/** Throws unless `value` is an array; `op` and `arg` name the caller. */
export function checkArray(op: string, arg: string, value: unknown): void {
  if (!Array.isArray(value))
    throw new ArgumentError(`${op}: ${arg} must be an array, got ${describeValue(value)}`);
}

/** Throws unless `value` is an array of integers (a shape, a permutation, axes). */
export function checkIntegers(op: string, arg: string, value: unknown): void {
  if (!Array.isArray(value) || !value.every((d) => typeof d === "number" && Number.isInteger(d)))
    throw new ArgumentError(
      `${op}: ${arg} must be an array of integers, got ${Array.isArray(value) ? `[${value.map(describeValue).join(", ")}]` : describeValue(value)}`,
    );
}
