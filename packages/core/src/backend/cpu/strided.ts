import type { Shape } from "../../shape.js";

/**
 * For every element of `shape` in row-major order, the offset Σ coord[d]·strides[d] (+ base).
 * Kernels that walk a view (expand, permute, slice, gather) read their input through this.
 */
export function stridedOffsets(shape: Shape, strides: readonly number[], base = 0): Int32Array {
  const rank = shape.length;
  let n = 1;
  for (const d of shape) n *= d;
  const out = new Int32Array(n);
  if (n === 0) return out;
  if (rank === 0) {
    out[0] = base;
    return out;
  }
  const inner = shape[rank - 1] as number;
  const innerStride = strides[rank - 1] as number;
  const coord = new Array<number>(rank).fill(0);
  let offset = base;
  let k = 0;
  while (k < n) {
    let o = offset;
    for (let i = 0; i < inner; i++) {
      out[k++] = o;
      o += innerStride;
    }
    // advance the odometer over the outer axes
    let d = rank - 2;
    for (; d >= 0; d--) {
      const c = (coord[d] as number) + 1;
      if (c < (shape[d] as number)) {
        coord[d] = c;
        offset += strides[d] as number;
        break;
      }
      coord[d] = 0;
      offset -= (c - 1) * (strides[d] as number);
    }
    if (d < 0) break;
  }
  return out;
}

/** Strides of `shape` seen from `outShape` under broadcasting: 0 along broadcast axes. */
export function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const rank = outShape.length;
  const strides = new Array<number>(rank).fill(0);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i] as number;
    strides[rank - shape.length + i] = d === 1 ? 0 : s;
    s *= d;
  }
  return strides;
}
