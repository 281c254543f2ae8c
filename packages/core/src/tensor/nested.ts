import type { TypedArray } from "../dtype.js";
import { ArgumentError } from "../errors.js";
import type { Shape } from "../shape.js";
import { dimAt, stridesOf } from "../shape.js";

/** Nested JS arrays of numbers, as accepted by `tensor()` and returned by `toArray()`. */
export type NestedArray = number | readonly NestedArray[];

/** The shape of a nested array, checking that it is rectangular and holds only numbers. */
export function shapeOfNested(op: string, value: NestedArray): number[] {
  const shape: number[] = [];
  let v: NestedArray = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0] as NestedArray;
  }
  check(op, value, shape, 0, []);
  return shape;
}

function check(op: string, v: NestedArray, shape: number[], depth: number, path: number[]): void {
  if (depth === shape.length) {
    if (typeof v !== "number") {
      throw new ArgumentError(
        `${op}: expected a number at [${path.join(", ")}], got ${Array.isArray(v) ? "an array" : typeof v} (ragged or non-numeric data)`,
      );
    }
    return;
  }
  if (!Array.isArray(v) || v.length !== shape[depth]) {
    throw new ArgumentError(
      `${op}: ragged nested array: element [${path.join(", ")}] has ${Array.isArray(v) ? `length ${v.length}` : "no length"}, expected ${shape[depth]}`,
    );
  }
  for (let i = 0; i < v.length; i++) check(op, v[i] as NestedArray, shape, depth + 1, [...path, i]);
}

/** Writes the numbers of a rectangular nested array into `out` in row-major order. */
export function flattenNested(value: NestedArray, out: TypedArray): void {
  let k = 0;
  const walk = (v: NestedArray) => {
    if (typeof v === "number") out[k++] = v;
    else for (const x of v) walk(x);
  };
  walk(value);
}

/** Row-major data as nested arrays of `shape` (a number for a scalar). */
export function toNested(data: TypedArray, shape: Shape): NestedArray {
  if (shape.length === 0) {
    const [value = Number.NaN] = data;
    return value;
  }
  const strides = stridesOf(shape);
  const build = (d: number, offset: number): NestedArray => {
    const n = dimAt(shape, d);
    if (d === shape.length - 1) return Array.from(data.subarray(offset, offset + n));
    const stride = dimAt(strides, d);
    return Array.from({ length: n }, (_, i) => build(d + 1, offset + i * stride));
  };
  return build(0, 0);
}
