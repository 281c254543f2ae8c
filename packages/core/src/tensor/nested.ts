import type { TypedArray } from "../dtype.js";
import { ArgumentError } from "../errors.js";
import type { Shape } from "../shape.js";
import { describeValue } from "../shape.js";

/** Nested JS arrays of numbers, as accepted by `tensor()` and returned by `toArray()`. */
export type NestedArray = number | readonly NestedArray[];

/**
 * The shape of a nested array, checking that it is rectangular and holds only numbers. Iterative
 * (any depth, no stack overflow), and an array that contains itself is an error, not a hang.
 */
export function shapeOfNested(op: string, value: NestedArray): number[] {
  const shape: number[] = [];
  const onPath = new Set<unknown>();
  let v: unknown = value;
  while (Array.isArray(v)) {
    if (onPath.has(v)) {
      throw new ArgumentError(
        `${op}: the nested array contains itself (at depth ${shape.length}); data must be arrays of numbers nested a finite number of times`,
      );
    }
    onPath.add(v);
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0];
  }
  check(op, value, shape);
  return shape;
}

function check(op: string, value: unknown, shape: readonly number[]): void {
  if (shape.length === 0) {
    if (typeof value !== "number") {
      throw new ArgumentError(
        `${op}: data must be a number, nested arrays of numbers or a typed array, got ${describeValue(value)}`,
      );
    }
    return;
  }
  // Depth-first walk with explicit stacks: arrays[d] is being read at index idx[d].
  const arrays: unknown[][] = [];
  const idx: number[] = [];
  const enter = (v: unknown, depth: number) => {
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      throw new ArgumentError(
        `${op}: ragged nested array: element [${idx.join(", ")}] has ${Array.isArray(v) ? `length ${v.length}` : "no length"}, expected ${shape[depth]}`,
      );
    }
    arrays.push(v);
    idx.push(0);
  };
  enter(value, 0);
  while (arrays.length > 0) {
    const d = arrays.length - 1;
    const arr = arrays[d] as unknown[];
    const i = idx[d] as number;
    if (i === arr.length) {
      arrays.pop();
      idx.pop();
      if (idx.length > 0) idx[idx.length - 1] = (idx[idx.length - 1] as number) + 1;
      continue;
    }
    const child = arr[i];
    if (d + 1 === shape.length) {
      if (typeof child !== "number") {
        throw new ArgumentError(
          `${op}: expected a number at [${idx.join(", ")}], got ${Array.isArray(child) ? "an array" : describeValue(child)} (ragged or non-numeric data)`,
        );
      }
      idx[d] = i + 1;
    } else enter(child, d + 1);
  }
}

/** Writes the numbers of a rectangular nested array (checked by shapeOfNested) into `out`. */
export function flattenNested(value: NestedArray, out: TypedArray): void {
  if (typeof value === "number") {
    out[0] = value;
    return;
  }
  let k = 0;
  const arrays: (readonly NestedArray[])[] = [value];
  const idx: number[] = [0];
  while (arrays.length > 0) {
    const d = arrays.length - 1;
    const arr = arrays[d] as readonly NestedArray[];
    const i = idx[d] as number;
    if (i === arr.length) {
      arrays.pop();
      idx.pop();
      continue;
    }
    idx[d] = i + 1;
    const child = arr[i] as NestedArray;
    if (typeof child === "number") out[k++] = child;
    else {
      arrays.push(child);
      idx.push(0);
    }
  }
}

/** Row-major data as nested arrays of `shape` (a number for a scalar); iterative, any rank. */
export function toNested(data: TypedArray, shape: Shape): NestedArray {
  if (shape.length === 0) return data[0] as number;
  // Group from the innermost axis out: numbers into rows, rows into matrices, …
  let items: NestedArray[] = Array.from(data, Number);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d] as number;
    let groups = 1;
    for (let k = 0; k < d; k++) groups *= shape[k] as number;
    const next = new Array<NestedArray>(groups);
    for (let g = 0; g < groups; g++) next[g] = items.slice(g * n, (g + 1) * n);
    items = next;
  }
  return items[0] as NestedArray;
}
