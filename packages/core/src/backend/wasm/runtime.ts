import { kernelsSharedWasmBase64, kernelsWasmBase64 } from "./kernels.generated.js";
import {
  availableCores,
  COUNTER_BYTE,
  MAX_WORKERS,
  threadsSupported,
  WorkerPool,
} from "./threads.js";

/** The kernels' exports (see packages/core/wasm/kernels.ts); pointers are byte offsets. */
export interface KernelExports {
  gemmScratchBytes(): number;
  gemm(
    m: number,
    n: number,
    k: number,
    a: number,
    ars: number,
    acs: number,
    b: number,
    brs: number,
    bcs: number,
    c: number,
    ldc: number,
    scratch: number,
  ): void;
  gemm64ScratchBytes(): number;
  gemm64(
    m: number,
    n: number,
    k: number,
    a: number,
    ars: number,
    acs: number,
    b: number,
    brs: number,
    bcs: number,
    c: number,
    ldc: number,
    scratch: number,
  ): void;
  unaryF32(op: number, x: number, y: number, n: number): void;
  binaryF32(
    op: number,
    a: number,
    aStep: number,
    b: number,
    bStep: number,
    y: number,
    n: number,
  ): void;
  activationF32(op: number, x: number, y: number, n: number): void;
  activationGradF32(op: number, g: number, x: number, y: number, n: number): void;
  reduceRowsF32(op: number, x: number, rows: number, cols: number, y: number): void;
  reduceColsF32(op: number, x: number, rows: number, cols: number, y: number, acc: number): void;
}

const PAGE = 65536;
/** wasm32 memory ends at 4 GiB (65,536 pages). */
export const MAX_WASM_BYTES = 65536 * PAGE;

/**
 * Thrown by `alloc` when a kernel call would need more than wasm32's 4 GiB (or the engine refuses to
 * grow memory); the backend then runs that call on the CPU backend instead.
 */
export class WasmArenaFull extends Error {
  override name = "WasmArenaFull";
}
/** The workers' control slots come first in memory; the arena starts after them. */
const ARENA_START = Math.ceil((COUNTER_BYTE + 4) / 256) * 256;

// The few WebAssembly JS API members used here (core's type config includes neither the DOM lib nor
// a WebAssembly declaration), read from globalThis so that a runtime without it is detected.
interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/**
 * One instance of the kernels and the memory they work in. Memory is a bump arena: a kernel call
 * copies its inputs in, runs, and copies its output out, then the arena is free again (kernels are
 * synchronous and never re-entered), so no tensor ever points into wasm memory and growing it is
 * always safe.
 */
export class WasmRuntime {
  readonly exports: KernelExports;
  private readonly memory: WasmMemory;
  private top = ARENA_START;
  f32: Float32Array;
  f64: Float64Array;
  /** Worker threads over the shared memory, or null (one thread). */
  readonly pool: WorkerPool | null;
  /** Threads a large matmul is split over (1 = the calling thread only). */
  threads = 1;

  constructor(api: WasmApi) {
    const shared = threadsSupported();
    const bin = atob(shared ? kernelsSharedWasmBase64 : kernelsWasmBase64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    this.memory = shared
      ? new api.Memory({ initial: 64, maximum: 65536, shared: true })
      : new api.Memory({ initial: 64 });
    const module = new api.Module(bytes);
    this.pool = shared ? new WorkerPool(module, this.memory) : null;
    this.threads = shared ? Math.min(availableCores(), MAX_WORKERS + 1) : 1;
    const instance = new api.Instance(module, {
      env: {
        memory: this.memory,
        abort: () => {
          throw new Error("wasm kernel aborted");
        },
      },
    });
    this.exports = instance.exports as unknown as KernelExports;
    this.f32 = new Float32Array(this.memory.buffer);
    this.f64 = new Float64Array(this.memory.buffer);
  }

  /** Starts a kernel call: the whole arena is free. */
  reset(): void {
    this.top = ARENA_START;
  }

  /** Reserves `floats` float32 slots (16-byte aligned) and returns the byte offset. */
  alloc(floats: number): number {
    const ptr = this.top;
    // NOTE: plain arithmetic, not `| 0`-style bit operations: offsets reach 2³² bytes, past the
    // 32-bit signed range those operators wrap at.
    const top = Math.ceil((ptr + floats * 4) / 16) * 16;
    if (top > MAX_WASM_BYTES) throw new WasmArenaFull(`needs ${top} bytes of wasm memory`);
    this.top = top;
    if (top > this.memory.buffer.byteLength) {
      const pages = Math.ceil((top - this.memory.buffer.byteLength) / PAGE);
      try {
        this.memory.grow(pages);
      } catch {
        this.top = ptr;
        throw new WasmArenaFull(`could not grow wasm memory to ${top} bytes`);
      }
      this.f32 = new Float32Array(this.memory.buffer);
      this.f64 = new Float64Array(this.memory.buffer);
    }
    return ptr;
  }

  /** Copies `src` in and returns its byte offset. */
  put(src: Float32Array): number {
    const ptr = this.alloc(src.length);
    this.f32.set(src, ptr / 4);
    return ptr;
  }

  /** Copies float64 `src` in and returns its byte offset. */
  putF64(src: Float64Array): number {
    const ptr = this.alloc(src.length * 2);
    this.f64.set(src, ptr / 8);
    return ptr;
  }

  /** A fresh Float64Array copy of `n` doubles at `ptr`. */
  takeF64(ptr: number, n: number): Float64Array {
    const out = new Float64Array(n);
    out.set(this.f64.subarray(ptr / 8, ptr / 8 + n));
    return out;
  }

  /** A fresh Float32Array copy of `n` floats at `ptr`. */
  take(ptr: number, n: number): Float32Array {
    // NOTE: measured on Node 20: slice is about twice as fast for small arrays, allocate-then-set
    // about three times as fast for megabytes.
    if (n < 1 << 17) return this.f32.slice(ptr / 4, ptr / 4 + n);
    const out = new Float32Array(n);
    out.set(this.f32.subarray(ptr / 4, ptr / 4 + n));
    return out;
  }
}

let runtime: WasmRuntime | null | undefined;

/** The shared runtime, or null where WebAssembly (with SIMD) cannot be instantiated here. */
export function getRuntime(): WasmRuntime | null {
  if (runtime === undefined) {
    try {
      runtime = wasmApi ? new WasmRuntime(wasmApi) : null;
    } catch {
      runtime = null;
    }
  }
  return runtime;
}
