import type { Shape } from "../../shape.js";
import { shapesEqual, sizeOf } from "../../shape.js";
import type { Backend } from "../backend.js";
import { cpuBackend } from "../cpu/index.js";
import { broadcastStrides, stridedOffsets } from "../cpu/strided.js";
import {
  activationCodes,
  binaryCodes,
  jobCodes,
  reduceCodes,
  unaryCodes,
} from "./abi.generated.js";
import {
  buildAvailable,
  getRuntime,
  threadCountSetting,
  type WasmBuild,
  type WasmRuntime,
} from "./runtime.js";
import { type JobStats, now, profileSink } from "./threads.js";

/** A kernel's code in a table generated from wasm/abi.mjs, or undefined if wasm lacks it. */
function codeOf<T extends object>(table: T, name: string): number | undefined {
  return (table as Record<string, number | undefined>)[name];
}

/** Below this many multiply-adds a matmul stays in JS: copying into wasm memory would dominate. */
const MIN_MATMUL_WORK = 64;
/** From this many multiply-adds on (~80 µs of work), a matmul is split over threads. */
const MIN_THREADED_WORK = 1 << 21;

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

/** d when offsets[o] = offsets[0] + o·d for every o (d may be 0), else null. */
function affineStep(offsets: Int32Array): number | null {
  const d = offsets.length > 1 ? (offsets[1] as number) - (offsets[0] as number) : 0;
  for (let o = 2; o < offsets.length; o++) {
    if ((offsets[o] as number) - (offsets[o - 1] as number) !== d) return null;
  }
  return d;
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

/** How many threads a job of `work` units may use: 1 below `min`, else up to the setting. */
function threadsFor(rt: WasmRuntime, work: number, min: number, cap = Infinity): number {
  const want = work >= min ? Math.min(rt.threads, cap) : 1;
  return want > 1 && rt.pool ? 1 + rt.pool.ensure(want - 1) : 1;
}

/** From this many elements of op(B) on, threads share its packing; below, the caller packs it. */
const MIN_THREADED_PACK = 1 << 18;

/**
 * How a threaded product is cut: tiles of `rows` × `cols` of C (cols a multiple of the packed
 * panel width), rows first, so each thread reads only its rows of A and writes contiguous rows of C.
 * About four tiles per thread for large products (a late or busy thread then does less), two for
 * small ones; columns are split too only when C has too few rows.
 */
function tiling(m: number, n: number, k: number, threads: number, panel: number) {
  const mr = 4; // the kernels' register tile height
  const per = m * n * k >= 1 << 23 ? 4 : 2;
  const target = per * threads;
  const rows = Math.ceil(Math.ceil(m / target) / mr) * mr;
  const rowTiles = Math.ceil(m / rows);
  const panels = Math.ceil(n / panel);
  const colTiles = Math.min(panels, Math.max(1, Math.ceil(target / rowTiles)));
  const cols = Math.ceil(panels / colTiles) * panel;
  return { rows, cols, tiles: rowTiles * Math.ceil(n / cols) };
}

/** What one matmul took, recorded while profiling is on (see profileSink); times in ms. */
export interface MatmulProfile {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly batch: number;
  readonly threads: number;
  /** Copying A and B into wasm memory. */
  readonly copyInMs: number;
  /** Packing op(B) whole (threaded only; a job of the threads, or the caller's). */
  readonly packMs: number;
  /** The products: one thread's gemm calls, or the threaded jobs (with the caller's `during`). */
  readonly computeMs: number;
  /** Copying C out (with allocating it, on one thread). */
  readonly copyOutMs: number;
  /** The threads' statistics of the last compute job (null on one thread). */
  readonly job: JobStats | null;
}

/**
 * Batched op(A)·op(B) in float32 or float64: one driver for both (the kernels' gemm and gemm64
 * share theirs too). On one thread, the kernels' gemm packs each block of op(B) just before using
 * it. On several, op(B) is first packed whole into memory all threads read (a job of its own, or
 * by the caller when small), then tiles of C (row ranges first) are taken from a shared counter;
 * meanwhile the caller allocates the output array (its page faults and zeroing would otherwise be
 * serial). Every element is computed by the same instructions in the same order whatever the
 * split (the same depth blocks, the same micro-kernel), so results do not depend on the number of
 * threads or on who computed what.
 */
function matmulWasm(
  rt: WasmRuntime,
  a: Float32Array | Float64Array,
  aShape: Shape,
  b: Float32Array | Float64Array,
  bShape: Shape,
  transA: boolean,
  transB: boolean,
  outShape: Shape,
): Float32Array | Float64Array {
  const f64 = a instanceof Float64Array;
  const size = f64 ? 8 : 4;
  const r = outShape.length;
  const m = outShape[r - 2] ?? 1;
  const n = outShape[r - 1] ?? 1;
  const k = (transA ? aShape[aShape.length - 2] : aShape[aShape.length - 1]) ?? 1;
  const [aBatch, bBatch] = batchOffsets(aShape, bShape, outShape);
  const sink = profileSink();
  const t0 = sink ? now() : 0;
  rt.reset();
  const pa = rt.put(a);
  const pb = rt.put(b);
  const t1 = sink ? now() : 0;
  let packMs = 0;
  const total = sizeOf(outShape);
  const pc = rt.allocBytes(total * size);
  const ex = rt.exports;
  const scratchBytes = f64 ? ex.gemm64ScratchBytes() : ex.gemmScratchBytes();
  // element (i, p) of op(A) at i·ars + p·acs; element (p, j) of op(B) at p·brs + j·bcs
  const ars = transA ? 1 : k;
  const acs = transA ? m : 1;
  const brs = transB ? 1 : n;
  const bcs = transB ? k : 1;
  const panel = ex.gemmPanelCols(f64);
  const cap = Math.ceil(m / 4) * Math.ceil(n / panel);
  let threads = threadsFor(rt, m * n * k, MIN_THREADED_WORK, cap);
  const scratch = rt.allocBytes(scratchBytes * threads);
  const pool = rt.pool;
  let packed = 0;
  if (threads > 1) {
    // op(B) packed whole: where that would not fit in wasm32's memory, one thread does without
    try {
      packed = rt.allocBytes((f64 ? ex.gemm64PackedElems(k, n) : ex.gemmPackedElems(k, n)) * size);
    } catch {
      threads = 1;
    }
  }
  if (threads === 1 || !pool) {
    const gemm = f64 ? ex.gemm64 : ex.gemm;
    for (let t = 0; t < aBatch.length; t++) {
      const ao = pa + (aBatch[t] ?? 0) * m * k * size;
      const bo = pb + (bBatch[t] ?? 0) * k * n * size;
      gemm(m, n, k, ao, ars, acs, bo, brs, bcs, pc + t * m * n * size, n, scratch);
    }
    const t2 = sink ? now() : 0;
    const c = f64 ? rt.takeF64(pc, total) : rt.take(pc, total);
    if (sink) {
      const copyOutMs = now() - t2;
      const times = { copyInMs: t1 - t0, packMs, computeMs: t2 - t1, copyOutMs, job: null };
      sink.push({ m, n, k, batch: aBatch.length, threads, ...times } satisfies MatmulProfile);
    }
    return c;
  }
  const { rows, cols, tiles } = tiling(m, n, k, threads, panel);
  const packChunk = Math.max(1, Math.ceil(Math.ceil(n / panel) / (4 * threads)));
  const packChunks = Math.ceil(Math.ceil(n / panel) / packChunk);
  let out: Float32Array | Float64Array | null = null;
  const allocate = () => {
    out = f64 ? new Float64Array(total) : new Float32Array(total);
    // touch one element per 4 KiB page now, while the workers compute
    for (let i = 0, step = 4096 / size; i < total; i += step) out[i] = 0;
  };
  let lastB = -1;
  for (let t = 0; t < aBatch.length; t++) {
    const ao = pa + (aBatch[t] ?? 0) * m * k * size;
    const bIndex = bBatch[t] ?? 0;
    if (bIndex !== lastB) {
      // a broadcast B (the same matrix for every batch element) is packed once
      lastB = bIndex;
      const bo = pb + bIndex * k * n * size;
      const tp = sink ? now() : 0;
      if (k * n < MIN_THREADED_PACK)
        (f64 ? ex.gemm64Pack : ex.gemmPack)(k, n, bo, brs, bcs, packed);
      else {
        const kind = f64 ? jobCodes.packB64 : jobCodes.packB;
        pool.run(
          { kind, op: 0, chunk: packChunk, chunks: packChunks, args: [k, n, bo, brs, bcs, packed] },
          threads - 1,
        );
      }
      if (sink) packMs += now() - tp;
    }
    const co = pc + t * m * n * size;
    const args = [m, n, k, ao, ars, acs, packed, co, n, scratch, rows, cols];
    const kind = f64 ? jobCodes.gemm64 : jobCodes.gemm;
    const job = { kind, op: 0, chunk: 1, chunks: tiles, args, scratchStride: scratchBytes };
    pool.run(job, threads - 1, t === 0 ? allocate : undefined);
  }
  const t2 = sink ? now() : 0;
  const result: Float32Array | Float64Array =
    out ?? (f64 ? new Float64Array(0) : new Float32Array(0));
  if (result instanceof Float64Array) result.set(rt.f64.subarray(pc / 8, pc / 8 + total));
  else result.set(rt.f32.subarray(pc / 4, pc / 4 + total));
  if (sink) {
    const times = { copyInMs: t1 - t0, packMs, computeMs: t2 - t1 - packMs, copyOutMs: now() - t2 };
    const job = pool.last;
    sink.push({ m, n, k, batch: aBatch.length, threads, ...times, job } satisfies MatmulProfile);
  }
  return result;
}

/** From this many elements on, the costly elementwise kernels are split over threads. */
const MIN_THREADED_ELEMENTS = 1 << 16;

/**
 * Runs an elementwise kernel over n floats (x, y and g byte offsets; activationBoth writes f′ at g),
 * split in chunks over threads when it is large. Elementwise results do not depend on the split:
 * each element goes through the same vector code wherever its chunk starts.
 */
function elementwise(
  rt: WasmRuntime,
  kind:
    | typeof jobCodes.unary
    | typeof jobCodes.activation
    | typeof jobCodes.activationGrad
    | typeof jobCodes.activationBoth,
  op: number,
  x: number,
  y: number,
  g: number,
  n: number,
): void {
  const threads = threadsFor(rt, n, MIN_THREADED_ELEMENTS);
  if (threads > 1 && rt.pool) {
    // NOTE: 16 chunks per thread: with 4, a thread that ran slower (the calling thread's chunks
    // took up to a quarter longer than the worker's) left the others idle at the end; 16 cut a
    // 10⁶-element GELU job from 2.68 to 2.50 ms median on two threads (a chunk costs one atomic add)
    const chunk = Math.max(4096, Math.ceil(n / (16 * threads) / 4) * 4);
    rt.pool.run({ kind, op, chunk, args: [x, y, g, n] }, threads - 1);
  } else if (kind === jobCodes.unary) rt.exports.unaryF32(op, x, y, n);
  else if (kind === jobCodes.activation) rt.exports.activationF32(op, x, y, n);
  else if (kind === jobCodes.activationBoth) rt.exports.activationBothF32(op, x, y, g, n);
  else rt.exports.activationGradF32(op, g, x, y, n);
}

/**
 * WebAssembly SIMD kernels for float32 (matmul, elementwise, reductions, fused activations) and a
 * float64 matmul; everything else (other float64 and int32 kernels, movement, rare kernels) runs on
 * the CPU backend, which stays the reference.
 * Inputs are copied into wasm memory and the output copied out, so tensors own ordinary typed
 * arrays and the backend can be switched at any time. Two instances of the build: one whose memory
 * the worker threads share, for calls large enough to split, and one with a private memory for
 * every other call (V8 copies into a shared memory 3–4× slower than into a private one).
 *
 * `build` picks the kernels' build (see WasmBuild); the runtime is instantiated on first use. Null
 * where this engine cannot run that build.
 */
export function createWasmBackend(build: WasmBuild, name = "wasm"): Backend | null {
  if (!buildAvailable(build)) return null;
  // kept here as well as in getRuntime, which builds a key per lookup: this is every kernel call
  const runtimes: { local?: WasmRuntime; threaded?: WasmRuntime } = {};
  const load = (threaded: boolean): WasmRuntime => {
    const r = getRuntime(build, threaded);
    if (r === null) throw new Error(`wasm backend: the ${build} build failed to load`);
    return r;
  };
  // A call that runs on the calling thread alone works in a private memory (copies in and out are
  // memcpy); one that may be split over threads, in the memory they share.
  const local = (): WasmRuntime => {
    runtimes.local ??= load(false);
    return runtimes.local;
  };
  /** The runtime for a call of `work` units that may use threads from `min` units on. */
  const rt = (work = 0, min = Infinity): WasmRuntime => {
    if (work < min || threadCountSetting() < 2) return local();
    runtimes.threaded ??= load(true);
    return runtimes.threaded;
  };
  return {
    ...cpuBackend,
    name,
    unary(op, a, outDtype) {
      const code = codeOf(unaryCodes, op);
      if (code === undefined || outDtype !== "float32" || !(a instanceof Float32Array))
        return cpuBackend.unary(op, a, outDtype);
      // copy, neg, abs and the like are memory-bound: threads only for the costly exp
      const r = code === unaryCodes.exp ? rt(a.length, MIN_THREADED_ELEMENTS) : local();
      r.reset();
      const p = r.put(a);
      if (code === unaryCodes.exp) elementwise(r, jobCodes.unary, code, p, p, 0, a.length);
      else r.exports.unaryF32(code, p, p, a.length);
      return r.take(p, a.length);
    },
    binary(op, a, aShape, b, bShape, outShape, outDtype) {
      const code = codeOf(binaryCodes, op);
      if (
        code === undefined ||
        outDtype !== "float32" ||
        !(a instanceof Float32Array) ||
        !(b instanceof Float32Array)
      )
        return cpuBackend.binary(op, a, aShape, b, bShape, outShape, outDtype);
      const n = sizeOf(outShape);
      const r = local();
      if (a.length === n && b.length === n && shapesEqual(aShape, bShape)) {
        r.reset();
        const pa = r.put(a);
        const pb = r.put(b);
        r.exports.binaryF32(code, pa, 1, pb, 1, pa, n);
        return r.take(pa, n);
      }
      const runs = broadcastRuns(aShape, bShape, outShape);
      if (runs === null) return cpuBackend.binary(op, a, aShape, b, bShape, outShape, outDtype);
      r.reset();
      const pa = r.put(a);
      const pb = r.put(b);
      const py = r.alloc(n);
      const { inner, outer, aStep, bStep, aOff, bOff } = runs;
      const aOuter = affineStep(aOff);
      const bOuter = affineStep(bOff);
      if (aOuter !== null && bOuter !== null) {
        // evenly spaced runs (a bias added to every row): one call
        const pa0 = pa + (aOff[0] ?? 0) * 4;
        const pb0 = pb + (bOff[0] ?? 0) * 4;
        r.exports.binaryRunsF32(code, pa0, aOuter, aStep, pb0, bOuter, bStep, py, outer, inner);
        return r.take(py, n);
      }
      for (let o = 0; o < outer; o++) {
        r.exports.binaryF32(
          code,
          pa + (aOff[o] ?? 0) * 4,
          aStep,
          pb + (bOff[o] ?? 0) * 4,
          bStep,
          py + o * inner * 4,
          inner,
        );
      }
      return r.take(py, n);
    },
    reduce(op, a, shape, axes, outDtype) {
      const code = codeOf(reduceCodes, op);
      if (
        code === undefined ||
        outDtype !== "float32" ||
        !(a instanceof Float32Array) ||
        a.length === 0
      )
        return cpuBackend.reduce(op, a, shape, axes, outDtype);
      const rank = shape.length;
      const trailing = axes.every((ax, i) => ax === rank - axes.length + i);
      const leading = axes.every((ax, i) => ax === i);
      if (!trailing && !leading) return cpuBackend.reduce(op, a, shape, axes, outDtype);
      let reduced = 1;
      for (const ax of axes) reduced *= shape[ax] ?? 1;
      const kept = a.length / reduced;
      const r = local();
      r.reset();
      const px = r.put(a);
      const py = r.alloc(kept);
      if (trailing) r.exports.reduceRowsF32(code, px, kept, reduced, py);
      else r.exports.reduceColsF32(code, px, reduced, kept, py, r.alloc(kept * 2));
      return r.take(py, kept);
    },
    activation(op, a, params, outDtype) {
      const code = codeOf(activationCodes, op);
      if (code === undefined || outDtype !== "float32" || !(a instanceof Float32Array))
        return cpuBackend.activation(op, a, params, outDtype);
      // relu is memory-bound: threads only for the costly ones
      const r = code === activationCodes.relu ? local() : rt(a.length, MIN_THREADED_ELEMENTS);
      r.reset();
      const p = r.put(a);
      if (code === activationCodes.relu) r.exports.activationF32(code, p, p, a.length);
      else elementwise(r, jobCodes.activation, code, p, p, 0, a.length);
      return r.take(p, a.length);
    },
    activationGrad(op, g, a, params, outDtype) {
      const code = codeOf(activationCodes, op);
      if (
        code === undefined ||
        outDtype !== "float32" ||
        !(a instanceof Float32Array) ||
        !(g instanceof Float32Array)
      )
        return cpuBackend.activationGrad(op, g, a, params, outDtype);
      const r = rt(a.length, MIN_THREADED_ELEMENTS);
      r.reset();
      const pg = r.put(g);
      const pa = r.put(a);
      elementwise(r, jobCodes.activationGrad, code, pa, pg, pg, a.length);
      return r.take(pg, a.length);
    },
    activationWithGrad(op, a, params, outDtype) {
      const code = codeOf(activationCodes, op);
      if (code === undefined || outDtype !== "float32" || !(a instanceof Float32Array))
        return cpuBackend.activationWithGrad(op, a, params, outDtype);
      const n = a.length;
      const r = code === activationCodes.relu ? local() : rt(n, MIN_THREADED_ELEMENTS);
      r.reset();
      const p = r.put(a);
      const pd = r.alloc(n);
      if (code === activationCodes.relu) r.exports.activationBothF32(code, p, p, pd, n);
      else elementwise(r, jobCodes.activationBoth, code, p, p, pd, n);
      return [r.take(p, n), r.take(pd, n)];
    },
    activationGradSaved(g, d, outDtype) {
      if (outDtype !== "float32" || !(g instanceof Float32Array) || !(d instanceof Float32Array))
        return cpuBackend.activationGradSaved(g, d, outDtype);
      // memory-bound: one thread, private memory
      const r = local();
      r.reset();
      const pd = r.put(d);
      if (g.length === 1 && d.length !== 1) {
        r.exports.scaleDerivativeF32(g[0] as number, pd, pd, d.length);
        return r.take(pd, d.length);
      }
      const pg = r.put(g);
      r.exports.mulDerivativeF32(pg, pd, pg, d.length);
      return r.take(pg, d.length);
    },
    updateInPlace(op, y, x, alpha) {
      if (!(y instanceof Float32Array) || (x !== null && !(x instanceof Float32Array)))
        return cpuBackend.updateInPlace(op, y, x, alpha);
      const r = local();
      r.reset();
      const py = r.put(y);
      const px = x === null ? 0 : r.put(x);
      r.exports.updateF32(binaryCodes[op], py, px, alpha, y.length);
      r.copyOut(py, y);
    },
    matmul(a, aShape, b, bShape, transA, transB, outShape, outDtype) {
      const rank = outShape.length;
      const k = (transA ? aShape[aShape.length - 2] : aShape[aShape.length - 1]) ?? 1;
      const work = (outShape[rank - 2] ?? 1) * (outShape[rank - 1] ?? 1) * k;
      const same =
        (outDtype === "float32" && a instanceof Float32Array && b instanceof Float32Array) ||
        (outDtype === "float64" && a instanceof Float64Array && b instanceof Float64Array);
      if (!same || work < MIN_MATMUL_WORK)
        return cpuBackend.matmul(a, aShape, b, bShape, transA, transB, outShape, outDtype);
      const r = rt(work, MIN_THREADED_WORK);
      return matmulWasm(r, a, aShape, b, bShape, transA, transB, outShape);
    },
  };
}

export type { WasmBuild };
