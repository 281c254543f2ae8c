import type { DType, TypedArray } from "../../dtype.js";
import { allocate } from "../../dtype.js";
import type { Shape } from "../../shape.js";
import type { ScanKernel } from "../backend.js";

/** outer × n × inner: the runs along `axis` start at o·n·inner + i and step by inner. */
export function runs(shape: Shape, axis: number): { outer: number; n: number; inner: number } {
  let outer = 1;
  let inner = 1;
  for (let k = 0; k < axis; k++) outer *= shape[k] as number;
  for (let k = axis + 1; k < shape.length; k++) inner *= shape[k] as number;
  return { outer, n: (shape[axis] as number | undefined) ?? 1, inner };
}

/**
 * Inclusive cumulative sum or product along `axis`, from the end when `reverse`. Floats accumulate
 * in double precision; int32 wraps around as int32 arithmetic does (PyTorch's int overflow).
 */
export function scan(
  op: ScanKernel,
  x: TypedArray,
  shape: Shape,
  axis: number,
  reverse: boolean,
  outDtype: DType,
): TypedArray {
  const out = allocate(outDtype, x.length);
  const { outer, n, inner } = runs(shape, axis);
  const int = outDtype === "int32";
  const step = reverse ? -inner : inner;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let at = o * n * inner + i + (reverse ? (n - 1) * inner : 0);
      let acc = op === "cumsum" ? 0 : 1;
      for (let k = 0; k < n; k++, at += step) {
        const v = x[at] as number;
        if (op === "cumsum") acc = int ? (acc + v) | 0 : acc + v;
        else acc = int ? Math.imul(acc, v) : acc * v;
        out[at] = acc;
      }
    }
  }
  return out;
}
