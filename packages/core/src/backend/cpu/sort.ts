import type { TypedArray } from "../../dtype.js";
import type { Shape } from "../../shape.js";
import { runs } from "./scan.js";

/** a before b ascending, NaN last (PyTorch sorts NaN as the largest value). */
function ascending(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  const an = a !== a;
  const bn = b !== b;
  return an === bn ? 0 : an ? 1 : -1;
}

/**
 * Stable argsort of every run along `axis` (ascending, or descending with NaN first): int32
 * indices into the axis; equal values keep their order.
 */
export function argsort(
  x: TypedArray,
  shape: Shape,
  axis: number,
  descending: boolean,
): TypedArray {
  const out = new Int32Array(x.length);
  const { outer, n, inner } = runs(shape, axis);
  const order = Array.from({ length: n }, (_, k) => k);
  const vals = new Float64Array(n);
  const cmp = descending
    ? (p: number, q: number) => ascending(vals[q] as number, vals[p] as number) || p - q
    : (p: number, q: number) => ascending(vals[p] as number, vals[q] as number) || p - q;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      for (let k = 0; k < n; k++) {
        vals[k] = x[base + k * inner] as number;
        order[k] = k;
      }
      // NOTE: ties broken by index make the order stable whatever the engine's sort does.
      order.sort(cmp);
      for (let k = 0; k < n; k++) out[base + k * inner] = order[k] as number;
    }
  }
  return out;
}
