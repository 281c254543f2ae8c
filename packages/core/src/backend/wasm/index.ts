import type { DType, TypedArray } from "../../dtype.js";
import type { Shape } from "../../shape.js";
import { shapesEqual, sizeOf } from "../../shape.js";
import type {
  ActivationKernel,
  Backend,
  BinaryKernel,
  ReduceKernel,
  UnaryKernel,
} from "../backend.js";
import { cpuBackend } from "../cpu/index.js";
import { broadcastStrides, stridedOffsets } from "../cpu/strided.js";
import { getRuntime, MAX_WASM_BYTES, WasmArenaFull, type WasmRuntime } from "./runtime.js";
import type { WorkerPool } from "./threads.js";

// Op codes of packages/core/wasm/kernels.ts; a kernel missing here runs on the CPU backend.
const unaryCodes: Partial<Record<UnaryKernel, number>> = {
  neg: 0,
  exp: 1,
  sqrt: 5,
  abs: 6,
  tanh: 8,
  sigmoid: 9,
  relu: 10,
  reciprocal: 11,
  square: 12,
  step: 13,
  copy: 15,
};
const binaryCodes: Partial<Record<BinaryKernel, number>> = {
  add: 0,
  sub: 1,
  mul: 2,
  div: 3,
  maximum: 4,
  minimum: 5,
  eq: 6,
  ne: 7,
  lt: 8,
  le: 9,
  gt: 10,
  ge: 11,
};
const activationCodes: Partial<Record<ActivationKernel, number>> = {
  relu: 0,
  sigmoid: 3,
  tanh: 4,
  geluTanh: 8,
};
const reduceCodes: Partial<Record<ReduceKernel, number>> = { sum: 0, max: 1, min: 2 };

/** Below this many multiply-adds a matmul stays in JS: copying into wasm memory would dominate. */
const MIN_MATMUL_WORK = 64;
/** From this many multiply-adds on (~80 µs of work), a matmul is split over threads. */
const MIN_THREADED_WORK = 1 << 21;

function f32(x: TypedArray): x is Float32Array {
  return x instanceof Float32Array;
}

/**
 * Splits the broadcast of a and b to outShape into `outer` runs of `inner` elements over which each
 * operand is either contiguous (step 1) or one repeated value (step 0). Null when the innermost
 * runs would be too short for a kernel call to pay.
 */
function broadcastRuns(aShape: Shape, bShape: Shape, outShape: Shape) {
  const sa = broadcastStrides(aShape, outShape);
  const sb = broadcastStrides(bShape, outShape);
  const r = outShape.length;
  let inner = 1;
  let d = r - 1;
  const aStep = r === 0 || sa[r - 1] !== 0 ? 1 : 0;
  const bStep = r === 0 || sb[r - 1] !== 0 ? 1 : 0;
  // merge trailing axes while each operand keeps its kind (contiguous, or broadcast)
  for (; d >= 0; d--) {
    const dim = outShape[d] as number;
    const okA = aStep === 1 ? sa[d] === inner : sa[d] === 0;
    const okB = bStep === 1 ? sb[d] === inner : sb[d] === 0;
    if (!(okA && okB) && dim !== 1) break;
    inner *= dim;
  }
  const outerShape = outShape.slice(0, d + 1);
  const outer = sizeOf(outerShape);
  if (outer > 1 && inner < 16) return null;
  return {
    inner,
    outer,
    aStep,
    bStep,
    aOff: stridedOffsets(outerShape, sa.slice(0, d + 1)),
    bOff: stridedOffsets(outerShape, sb.slice(0, d + 1)),
  };
}

function matmulF32(
  rt: WasmRuntime,
  a: Float32Array,
  aShape: Shape,
  b: Float32Array,
  bShape: Shape,
  transA: boolean,
  transB: boolean,
  outShape: Shape,
): Float32Array {
  const r = outShape.length;
  const m = outShape[r - 2] as number;
  const n = outShape[r - 1] as number;
  const k = transA ? (aShape[aShape.length - 2] as number) : (aShape[aShape.length - 1] as number);
  const [aBatch, bBatch] = batchOffsets(aShape, bShape, outShape);
  rt.reset();
  const pa = rt.put(a);
  const pb = rt.put(b);
  const total = sizeOf(outShape);
  const pc = rt.alloc(total);
  const scratchFloats = rt.exports.gemmScratchBytes() >> 2;
  // element (i, p) of op(A) at i·ars + p·acs; element (p, j) of op(B) at p·brs + j·bcs
  const ars = transA ? 1 : k;
  const acs = transA ? m : 1;
  const brs = transB ? 1 : n;
  const bcs = transB ? k : 1;
  // Large products are cut into chunks of C's columns that threads take from a shared counter:
  // every element is computed by the same instructions in the same order whatever the split, so
  // results do not depend on the number of threads or on who computed what.
  // NOTE: at least one thread: a narrow C (n < 16) with much work is not split, but still computed
  let threads =
    m * n * k >= MIN_THREADED_WORK ? Math.max(1, Math.min(rt.threads, Math.floor(n / 16))) : 1;
  if (threads > 1) threads = 1 + (rt.pool as WorkerPool).ensure(threads - 1);
  const scratch: number[] = [];
  for (let t = 0; t < threads; t++) scratch.push(rt.alloc(scratchFloats));
  // Each chunk re-packs all of op(A), so chunks are few (one per thread for ~8M multiply-adds, up
  // to four per thread for large products, which balances a late or busy worker), and whole
  // micro-tiles (8 columns) wide.
  const perThread = Math.min(4, Math.max(1, Math.floor((m * n * k) / (1 << 23))));
  const chunk = Math.max(16, Math.ceil(n / (perThread * threads) / 8) * 8);
  for (let t = 0; t < aBatch.length; t++) {
    const ao = pa + (aBatch[t] as number) * m * k * 4;
    const bo = pb + (bBatch[t] as number) * k * n * 4;
    const co = pc + t * m * n * 4;
    if (threads === 1) {
      rt.exports.gemm(m, n, k, ao, ars, acs, bo, brs, bcs, co, n, scratch[0] as number);
      continue;
    }
    const pool = rt.pool as WorkerPool;
    for (let w = 1; w < threads; w++)
      pool.setArgs(
        w - 1,
        [m, n, k, ao, ars, acs, bo, brs, bcs, co, n, scratch[w] as number],
        chunk,
      );
    const counter = pool.counter();
    Atomics.store(counter, 0, 0);
    pool.start(threads - 1);
    for (;;) {
      const j0 = Atomics.add(counter, 0, 1) * chunk;
      if (j0 >= n) break;
      const nw = Math.min(chunk, n - j0);
      rt.exports.gemm(
        m,
        nw,
        k,
        ao,
        ars,
        acs,
        bo + j0 * bcs * 4,
        brs,
        bcs,
        co + j0 * 4,
        n,
        scratch[0] as number,
      );
    }
    pool.join(threads - 1);
  }
  return rt.take(pc, total);
}

const single = new Int32Array(1);

/** Offsets (in matrices) of A's and B's matrix for each batch element of the output. */
function batchOffsets(aShape: Shape, bShape: Shape, outShape: Shape): [Int32Array, Int32Array] {
  if (outShape.length === 2) return [single, single];
  const batchShape = outShape.slice(0, -2);
  return [
    stridedOffsets(batchShape, broadcastStrides(aShape.slice(0, -2), batchShape)),
    stridedOffsets(batchShape, broadcastStrides(bShape.slice(0, -2), batchShape)),
  ];
}

/** From this many elements on, the costly elementwise kernels are split over threads. */
const MIN_THREADED_ELEMENTS = 1 << 16;

/**
 * Runs elementwise kernel `kind` (1 unaryF32, 2 activationF32, 3 activationGradF32) over n floats,
 * split in chunks over threads when it is large. Elementwise results do not depend on the split:
 * each element goes through the same vector code wherever its chunk starts.
 */
function elementwise(
  rt: WasmRuntime,
  kind: 1 | 2 | 3,
  op: number,
  x: number,
  y: number,
  g: number,
  n: number,
) {
  const k = rt.exports;
  const run = (i0: number, len: number) => {
    if (kind === 1) k.unaryF32(op, x + i0 * 4, y + i0 * 4, len);
    else if (kind === 2) k.activationF32(op, x + i0 * 4, y + i0 * 4, len);
    else k.activationGradF32(op, g + i0 * 4, x + i0 * 4, y + i0 * 4, len);
  };
  let threads = n >= MIN_THREADED_ELEMENTS ? rt.threads : 1;
  if (threads > 1) threads = 1 + (rt.pool as WorkerPool).ensure(threads - 1);
  if (threads === 1) {
    run(0, n);
    return;
  }
  const pool = rt.pool as WorkerPool;
  const chunk = Math.max(8192, Math.ceil(n / (4 * threads) / 4) * 4);
  for (let w = 1; w < threads; w++) pool.setElementwise(w - 1, kind, [op, x, y, g, n], chunk);
  const counter = pool.counter();
  Atomics.store(counter, 0, 0);
  pool.start(threads - 1);
  for (;;) {
    const i0 = Atomics.add(counter, 0, 1) * chunk;
    if (i0 >= n) break;
    run(i0, Math.min(chunk, n - i0));
  }
  pool.join(threads - 1);
}

/** Batched float64 op(A)·op(B) on one thread (gradient checks; speed is judged in float32). */
function matmulF64(
  rt: WasmRuntime,
  a: Float64Array,
  aShape: Shape,
  b: Float64Array,
  bShape: Shape,
  transA: boolean,
  transB: boolean,
  outShape: Shape,
): Float64Array {
  const r = outShape.length;
  const m = outShape[r - 2] as number;
  const n = outShape[r - 1] as number;
  const k = transA ? (aShape[aShape.length - 2] as number) : (aShape[aShape.length - 1] as number);
  const batchShape = outShape.slice(0, -2);
  const aBatch = stridedOffsets(batchShape, broadcastStrides(aShape.slice(0, -2), batchShape));
  const bBatch = stridedOffsets(batchShape, broadcastStrides(bShape.slice(0, -2), batchShape));
  rt.reset();
  const pa = rt.putF64(a);
  const pb = rt.putF64(b);
  const total = sizeOf(outShape);
  const pc = rt.alloc(total * 2);
  const scratch = rt.alloc(rt.exports.gemm64ScratchBytes() >> 2);
  const ars = transA ? 1 : k;
  const acs = transA ? m : 1;
  const brs = transB ? 1 : n;
  const bcs = transB ? k : 1;
  for (let t = 0; t < aBatch.length; t++) {
    const ao = pa + (aBatch[t] as number) * m * k * 8;
    const bo = pb + (bBatch[t] as number) * k * n * 8;
    rt.exports.gemm64(m, n, k, ao, ars, acs, bo, brs, bcs, pc + t * m * n * 8, n, scratch);
  }
  return rt.takeF64(pc, total);
}

/**
 * WebAssembly SIMD kernels for float32 (matmul, elementwise, reductions, fused activations) and a
 * float64 matmul; everything else (other float64 and int32 kernels, movement, rare kernels) runs on
 * the CPU backend, which stays the reference.
 * Inputs are copied into wasm memory and the output copied out, so tensors own ordinary typed
 * arrays and the backend can be switched at any time.
 */
export function createWasmBackend(): Backend | null {
  const rt = getRuntime();
  if (rt === null) return null;
  const x = rt.exports;
  return withCpuFallback({
    ...cpuBackend,
    name: "wasm",
    unary(op, a, outDtype) {
      const code = unaryCodes[op];
      if (code === undefined || outDtype !== "float32" || !f32(a))
        return cpuBackend.unary(op, a, outDtype);
      rt.reset();
      const p = rt.put(a);
      // copy, neg, abs and the like are memory-bound: threads only for the costly ones
      if (code === 1 || code === 8 || code === 9) elementwise(rt, 1, code, p, p, 0, a.length);
      else x.unaryF32(code, p, p, a.length);
      return rt.take(p, a.length);
    },
    binary(op, a, aShape, b, bShape, outShape, outDtype) {
      const code = binaryCodes[op];
      if (code === undefined || outDtype !== "float32" || !f32(a) || !f32(b))
        return cpuBackend.binary(op, a, aShape, b, bShape, outShape, outDtype);
      const n = sizeOf(outShape);
      if (a.length === n && b.length === n && shapesEqual(aShape, bShape)) {
        rt.reset();
        const pa = rt.put(a);
        const pb = rt.put(b);
        x.binaryF32(code, pa, 1, pb, 1, pa, n);
        return rt.take(pa, n);
      }
      const runs = broadcastRuns(aShape, bShape, outShape);
      if (runs === null) return cpuBackend.binary(op, a, aShape, b, bShape, outShape, outDtype);
      rt.reset();
      const pa = rt.put(a);
      const pb = rt.put(b);
      const py = rt.alloc(n);
      const { inner, outer, aStep, bStep, aOff, bOff } = runs;
      for (let o = 0; o < outer; o++) {
        x.binaryF32(
          code,
          pa + (aOff[o] as number) * 4,
          aStep,
          pb + (bOff[o] as number) * 4,
          bStep,
          py + o * inner * 4,
          inner,
        );
      }
      return rt.take(py, n);
    },
    reduce(op, a, shape, axes, outDtype) {
      const code = reduceCodes[op];
      if (code === undefined || outDtype !== "float32" || !f32(a) || a.length === 0)
        return cpuBackend.reduce(op, a, shape, axes, outDtype);
      const rank = shape.length;
      const trailing = axes.every((ax, i) => ax === rank - axes.length + i);
      const leading = axes.every((ax, i) => ax === i);
      if (!trailing && !leading) return cpuBackend.reduce(op, a, shape, axes, outDtype);
      let reduced = 1;
      for (const ax of axes) reduced *= shape[ax] as number;
      const kept = a.length / reduced;
      rt.reset();
      const px = rt.put(a);
      const py = rt.alloc(kept);
      if (trailing) x.reduceRowsF32(code, px, kept, reduced, py);
      else x.reduceColsF32(code, px, reduced, kept, py, rt.alloc(kept * 2));
      return rt.take(py, kept);
    },
    activation(op, a, params, outDtype) {
      const code = activationCodes[op];
      if (code === undefined || outDtype !== "float32" || !f32(a))
        return cpuBackend.activation(op, a, params, outDtype);
      rt.reset();
      const p = rt.put(a);
      if (code === 0) x.activationF32(code, p, p, a.length);
      else elementwise(rt, 2, code, p, p, 0, a.length);
      return rt.take(p, a.length);
    },
    activationGrad(op, g, a, params, outDtype) {
      const code = activationCodes[op];
      if (code === undefined || outDtype !== "float32" || !f32(a) || !f32(g))
        return cpuBackend.activationGrad(op, g, a, params, outDtype);
      rt.reset();
      const pg = rt.put(g);
      const pa = rt.put(a);
      elementwise(rt, 3, code, pa, pg, pg, a.length);
      return rt.take(pg, a.length);
    },
    matmul(a, aShape, b, bShape, transA, transB, outShape, outDtype) {
      const r = outShape.length;
      const work =
        (outShape[r - 2] as number) *
        (outShape[r - 1] as number) *
        (transA ? (aShape[aShape.length - 2] as number) : (aShape[aShape.length - 1] as number));
      if (
        outDtype === "float64" &&
        a instanceof Float64Array &&
        b instanceof Float64Array &&
        work >= MIN_MATMUL_WORK
      )
        return matmulF64(rt, a, aShape, b, bShape, transA, transB, outShape);
      if (outDtype !== "float32" || !f32(a) || !f32(b) || work < MIN_MATMUL_WORK)
        return cpuBackend.matmul(a, aShape, b, bShape, transA, transB, outShape, outDtype);
      return matmulF32(rt, a, aShape, b, bShape, transA, transB, outShape);
    },
  });
}

/** Kernel calls whose operands and output may not fit in wasm32's 4 GiB go to the CPU backend. */
const WASM_BYTES_LIMIT = MAX_WASM_BYTES - (64 << 20);

/**
 * Runs a kernel call on the CPU backend when it would not fit in wasm memory: up front when its
 * arrays alone exceed the limit (so memory is not grown for a call that cannot finish), else when
 * the arena reports it full. Movement and other CPU kernels are unaffected.
 */
function withCpuFallback(be: Backend): Backend {
  const out: Record<string, unknown> = { ...be };
  for (const [key, fn] of Object.entries(be)) {
    if (typeof fn !== "function" || fn === (cpuBackend as unknown as Record<string, unknown>)[key])
      continue;
    const cpu = (cpuBackend as unknown as Record<string, (...a: unknown[]) => unknown>)[key];
    if (cpu === undefined) continue;
    out[key] = (...args: unknown[]) => {
      let bytes = 0;
      for (const a of args) if (ArrayBuffer.isView(a)) bytes += a.byteLength;
      // the output (largest when broadcasting): its shape is the argument before outDtype
      const outShape = args[args.length - 2];
      if (Array.isArray(outShape))
        bytes += sizeOf(outShape) * (args[args.length - 1] === "float64" ? 8 : 4);
      if (bytes > WASM_BYTES_LIMIT) return cpu(...args);
      try {
        return (fn as (...a: unknown[]) => unknown)(...args);
      } catch (e) {
        if (e instanceof WasmArenaFull) return cpu(...args);
        throw e;
      }
    };
  }
  return out as unknown as Backend;
}

export type { DType };
