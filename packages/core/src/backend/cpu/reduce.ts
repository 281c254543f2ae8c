import type { DType, TypedArray } from "../../dtype.js";
import { allocate } from "../../dtype.js";
import type { Shape } from "../../shape.js";
import { sizeOf } from "../../shape.js";
import type { ReduceKernel } from "../backend.js";
import { permute } from "./movement.js";

/**
 * Reduces the sorted `axes` of x. Reduced axes are first moved innermost (a copy only when they are
 * not already trailing), so every reduction is over contiguous runs of `inner` elements.
 */
export function reduce(
  op: ReduceKernel,
  x: TypedArray,
  shape: Shape,
  axes: readonly number[],
  outDtype: DType,
): TypedArray {
  const rank = shape.length;
  const kept: number[] = [];
  for (let i = 0; i < rank; i++) if (!axes.includes(i)) kept.push(i);
  const perm = [...kept, ...axes];
  const trailing = perm.every((p, i) => p === i);
  const src = trailing ? x : permute(x, shape, perm, dtypeOf(x));
  let inner = 1;
  for (const a of axes) inner *= shape[a] as number;
  const outer = sizeOf(kept.map((k) => shape[k] as number));
  const out = allocate(outDtype, outer);
  const run = kernels[op];
  for (let o = 0; o < outer; o++) out[o] = run(src, o * inner, inner);
  return out;
}

function dtypeOf(x: TypedArray): DType {
  return x instanceof Float32Array ? "float32" : x instanceof Int32Array ? "int32" : "float64";
}

type Run = (x: TypedArray, start: number, n: number) => number;

const kernels = {
  sum: (x, start, n) => {
    // NOTE: JS numbers are float64, so float32 sums accumulate in double precision.
    let s = 0;
    for (let i = start, end = start + n; i < end; i++) s += x[i] as number;
    return s;
  },
  max: (x, start, n) => {
    let m = -Infinity;
    for (let i = start, end = start + n; i < end; i++) {
      const v = x[i] as number;
      if (v > m) m = v;
      else if (v !== v) return Number.NaN;
    }
    return m;
  },
  min: (x, start, n) => {
    let m = Infinity;
    for (let i = start, end = start + n; i < end; i++) {
      const v = x[i] as number;
      if (v < m) m = v;
      else if (v !== v) return Number.NaN;
    }
    return m;
  },
  // int32 products wrap around as int32 arithmetic does (Math.imul), as PyTorch's integer overflow
  prod: (x, start, n) => {
    let p = 1;
    if (x instanceof Int32Array)
      for (let i = start, end = start + n; i < end; i++) p = Math.imul(p, x[i] as number);
    else for (let i = start, end = start + n; i < end; i++) p *= x[i] as number;
    return p;
  },
  // argmax/argmin: the first index of the extreme value; a NaN counts as the extreme, as in PyTorch
  argmax: (x, start, n) => {
    let m = x[start] as number;
    let k = 0;
    if (m !== m) return 0;
    for (let i = 1; i < n; i++) {
      const v = x[start + i] as number;
      if (v !== v) return i;
      if (v > m) {
        m = v;
        k = i;
      }
    }
    return k;
  },
  argmin: (x, start, n) => {
    let m = x[start] as number;
    let k = 0;
    if (m !== m) return 0;
    for (let i = 1; i < n; i++) {
      const v = x[start + i] as number;
      if (v !== v) return i;
      if (v < m) {
        m = v;
        k = i;
      }
    }
    return k;
  },
} satisfies { [K in ReduceKernel]: Run };
