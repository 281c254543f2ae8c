import type { DType, TypedArray } from "../../dtype.js";
import { allocate } from "../../dtype.js";
import type { Shape } from "../../shape.js";
import { sizeOf } from "../../shape.js";
import { broadcastStrides, stridedOffsets } from "./strided.js";

/**
 * Batched op(A)·op(B). A is [..., m, k] (or [..., k, m] when transA), B is [..., k, n] (or
 * [..., n, k] when transB). Transposed operands are read in place with the loop order that keeps
 * the innermost loop contiguous.
 */
export function matmul(
  a: TypedArray,
  aShape: Shape,
  b: TypedArray,
  bShape: Shape,
  transA: boolean,
  transB: boolean,
  outShape: Shape,
  outDtype: DType,
): TypedArray {
  const r = outShape.length;
  const m = outShape[r - 2] as number;
  const n = outShape[r - 1] as number;
  const k = transA ? (aShape[aShape.length - 2] as number) : (aShape[aShape.length - 1] as number);
  const out = allocate(outDtype, sizeOf(outShape));
  const batchShape = outShape.slice(0, -2);
  const aBatch = stridedOffsets(batchShape, broadcastStrides(aShape.slice(0, -2), batchShape));
  const bBatch = stridedOffsets(batchShape, broadcastStrides(bShape.slice(0, -2), batchShape));
  const mk = m * k;
  const kn = k * n;
  const mn = m * n;
  for (let t = 0; t < aBatch.length; t++) {
    const ao = (aBatch[t] as number) * mk;
    const bo = (bBatch[t] as number) * kn;
    const co = t * mn;
    if (!transA && !transB) mmNN(a, ao, b, bo, out, co, m, n, k);
    else if (!transA && transB) mmNT(a, ao, b, bo, out, co, m, n, k);
    else if (transA && !transB) mmTN(a, ao, b, bo, out, co, m, n, k);
    else mmTT(a, ao, b, bo, out, co, m, n, k);
  }
  return out;
}

// C[i, j] = Σ_p A[i, p] B[p, j]: rows of B are streamed into a row of C.
function mmNN(
  a: TypedArray,
  ao: number,
  b: TypedArray,
  bo: number,
  c: TypedArray,
  co: number,
  m: number,
  n: number,
  k: number,
) {
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    const ai = ao + i * k;
    for (let p = 0; p < k; p++) {
      const av = a[ai + p] as number;
      if (av === 0) continue;
      const bp = bo + p * n;
      for (let j = 0; j < n; j++) row[j] = (row[j] as number) + av * (b[bp + j] as number);
    }
    const ci = co + i * n;
    for (let j = 0; j < n; j++) c[ci + j] = row[j] as number;
  }
}

// C[i, j] = Σ_p A[i, p] B[j, p]: dot products of two contiguous rows.
function mmNT(
  a: TypedArray,
  ao: number,
  b: TypedArray,
  bo: number,
  c: TypedArray,
  co: number,
  m: number,
  n: number,
  k: number,
) {
  for (let i = 0; i < m; i++) {
    const ai = ao + i * k;
    const ci = co + i * n;
    for (let j = 0; j < n; j++) {
      const bj = bo + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += (a[ai + p] as number) * (b[bj + p] as number);
      c[ci + j] = s;
    }
  }
}

// C[i, j] = Σ_p A[p, i] B[p, j]: accumulate outer products of rows of A and B.
function mmTN(
  a: TypedArray,
  ao: number,
  b: TypedArray,
  bo: number,
  c: TypedArray,
  co: number,
  m: number,
  n: number,
  k: number,
) {
  const acc = new Float64Array(m * n);
  for (let p = 0; p < k; p++) {
    const ap = ao + p * m;
    const bp = bo + p * n;
    for (let i = 0; i < m; i++) {
      const av = a[ap + i] as number;
      if (av === 0) continue;
      const ci = i * n;
      for (let j = 0; j < n; j++)
        acc[ci + j] = (acc[ci + j] as number) + av * (b[bp + j] as number);
    }
  }
  for (let i = 0; i < m * n; i++) c[co + i] = acc[i] as number;
}

// C[i, j] = Σ_p A[p, i] B[j, p]
function mmTT(
  a: TypedArray,
  ao: number,
  b: TypedArray,
  bo: number,
  c: TypedArray,
  co: number,
  m: number,
  n: number,
  k: number,
) {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const bj = bo + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += (a[ao + p * m + i] as number) * (b[bj + p] as number);
      c[co + i * n + j] = s;
    }
  }
}
