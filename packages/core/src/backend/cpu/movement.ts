import type { DType, TypedArray } from "../../dtype.js";
import { allocate, dtypeOfArray } from "../../dtype.js";
import type { Shape } from "../../shape.js";
import { sizeOf, stridesOf } from "../../shape.js";
import type { SliceSpec } from "../backend.js";
import { broadcastStrides, stridedOffsets } from "./strided.js";

function gatherOffsets(x: TypedArray, offsets: Int32Array, outDtype: DType): TypedArray {
  const out = allocate(outDtype, offsets.length);
  for (let i = 0; i < offsets.length; i++) out[i] = x[offsets[i] as number] as number;
  return out;
}

export function permute(
  x: TypedArray,
  shape: Shape,
  perm: readonly number[],
  outDtype: DType,
): TypedArray {
  const r = shape.length;
  if (r >= 2 && perm[r - 1] === r - 2 && perm[r - 2] === r - 1) {
    let batchOnly = true;
    for (let i = 0; i < r - 2; i++) if (perm[i] !== i) batchOnly = false;
    if (batchOnly) return transposeLast2(x, shape, outDtype);
  }
  const strides = stridesOf(shape);
  const outShape = perm.map((p) => shape[p] as number);
  return gatherOffsets(
    x,
    stridedOffsets(
      outShape,
      perm.map((p) => strides[p] as number),
    ),
    outDtype,
  );
}

/** Swaps the last two axes in 32 × 32 blocks, so reads and writes both stay within cache lines. */
function transposeLast2(x: TypedArray, shape: Shape, outDtype: DType): TypedArray {
  const r = shape.length;
  const rows = shape[r - 2] as number;
  const cols = shape[r - 1] as number;
  const out = allocate(outDtype, x.length);
  const mat = rows * cols;
  const B = 32;
  for (let base = 0; base < x.length; base += mat) {
    for (let i0 = 0; i0 < rows; i0 += B) {
      const i1 = Math.min(rows, i0 + B);
      for (let j0 = 0; j0 < cols; j0 += B) {
        const j1 = Math.min(cols, j0 + B);
        for (let i = i0; i < i1; i++) {
          const src = base + i * cols;
          for (let j = j0; j < j1; j++) out[base + j * rows + i] = x[src + j] as number;
        }
      }
    }
  }
  return out;
}

export function expand(x: TypedArray, shape: Shape, outShape: Shape, outDtype: DType): TypedArray {
  const n = sizeOf(outShape);
  const out = allocate(outDtype, n);
  if (n === 0) return out;
  if (x.length === 1) return out.fill(x[0] as number);
  // The trailing axes x has in full form a contiguous block; copy it once per offset of the outer
  // (broadcast) axes instead of computing one offset per element.
  const strides = broadcastStrides(shape, outShape);
  const rank = outShape.length;
  let d = rank;
  let block = 1;
  while (d > 0 && strides[d - 1] === block) {
    d--;
    block *= outShape[d] as number;
  }
  if (block < 8) return gatherOffsets(x, stridedOffsets(outShape, strides), outDtype);
  const offsets = stridedOffsets(outShape.slice(0, d), strides.slice(0, d));
  const same = dtypeOfArray(x) === outDtype;
  for (let o = 0; o < offsets.length; o++) {
    const from = offsets[o] as number;
    const to = o * block;
    if (same) out.set(x.subarray(from, from + block), to);
    else for (let i = 0; i < block; i++) out[to + i] = x[from + i] as number;
  }
  return out;
}

function sliceOffsets(shape: Shape, spec: SliceSpec, outShape: Shape): Int32Array {
  const strides = stridesOf(shape);
  let base = 0;
  for (let d = 0; d < shape.length; d++)
    base += (spec.starts[d] as number) * (strides[d] as number);
  return stridedOffsets(
    outShape,
    strides.map((s, d) => s * (spec.steps[d] as number)),
    base,
  );
}

export function slice(
  x: TypedArray,
  shape: Shape,
  spec: SliceSpec,
  outShape: Shape,
  outDtype: DType,
): TypedArray {
  return gatherOffsets(x, sliceOffsets(shape, spec, outShape), outDtype);
}

export function sliceScatter(
  base: TypedArray,
  shape: Shape,
  src: TypedArray,
  spec: SliceSpec,
  srcShape: Shape,
  outDtype: DType,
): TypedArray {
  const out = allocate(outDtype, base.length);
  out.set(base);
  const offsets = sliceOffsets(shape, spec, srcShape);
  for (let i = 0; i < offsets.length; i++) out[offsets[i] as number] = src[i] as number;
  return out;
}

export function concat(
  xs: readonly TypedArray[],
  shapes: readonly Shape[],
  axis: number,
  outShape: Shape,
  outDtype: DType,
): TypedArray {
  const out = allocate(outDtype, sizeOf(outShape));
  let outer = 1;
  for (let d = 0; d < axis; d++) outer *= outShape[d] as number;
  const rowOut = sizeOf(outShape) / Math.max(outer, 1);
  let col = 0;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k] as TypedArray;
    const row = outer === 0 ? 0 : sizeOf(shapes[k] as Shape) / outer;
    for (let o = 0; o < outer; o++) {
      const dst = o * rowOut + col;
      const from = o * row;
      for (let i = 0; i < row; i++) out[dst + i] = x[from + i] as number;
    }
    col += row;
  }
  return out;
}

/** Offsets into a tensor of `shape` for each element of `indexShape`, with `axis` taken from index. */
function indexedOffsets(
  shape: Shape,
  axis: number,
  index: TypedArray,
  indexShape: Shape,
): Int32Array {
  const strides = stridesOf(shape);
  const offsets = stridedOffsets(
    indexShape,
    strides.map((s, d) => (d === axis ? 0 : s)),
  );
  const sa = strides[axis] as number;
  for (let i = 0; i < offsets.length; i++)
    offsets[i] = (offsets[i] as number) + (index[i] as number) * sa;
  return offsets;
}

export function gather(
  x: TypedArray,
  shape: Shape,
  axis: number,
  index: TypedArray,
  indexShape: Shape,
  outDtype: DType,
): TypedArray {
  return gatherOffsets(x, indexedOffsets(shape, axis, index, indexShape), outDtype);
}

export function scatter(
  base: TypedArray,
  shape: Shape,
  axis: number,
  index: TypedArray,
  src: TypedArray,
  indexShape: Shape,
  outDtype: DType,
): TypedArray {
  const out = allocate(outDtype, base.length);
  out.set(base);
  const offsets = indexedOffsets(shape, axis, index, indexShape);
  // NOTE: where index repeats a position, the last write in row-major order wins
  for (let i = 0; i < offsets.length; i++) out[offsets[i] as number] = src[i] as number;
  return out;
}

export function scatterAdd(
  base: TypedArray,
  shape: Shape,
  axis: number,
  index: TypedArray,
  src: TypedArray,
  indexShape: Shape,
  outDtype: DType,
): TypedArray {
  const out = allocate(outDtype, base.length);
  out.set(base);
  const offsets = indexedOffsets(shape, axis, index, indexShape);
  for (let i = 0; i < offsets.length; i++) {
    const o = offsets[i] as number;
    out[o] = (out[o] as number) + (src[i] as number);
  }
  return out;
}
