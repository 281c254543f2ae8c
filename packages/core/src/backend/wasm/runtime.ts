import { pooledFloat32, pooledFloat64 } from "../buffer-pool.js";
import type { KernelExports } from "./abi.generated.js";
import {
  kernelsRelaxedSharedWasmBase64,
  kernelsRelaxedWasmBase64,
  kernelsSharedWasmBase64,
  kernelsWasmBase64,
} from "./kernels.generated.js";
import {
  availableCores,
  CONTROL_BYTES,
  MAX_WORKERS,
  threadsSupported,
  WorkerPool,
} from "./threads.js";

/**
 * Which build of the kernels: `simd128` (WebAssembly SIMD, everywhere it exists) or `relaxed`
 * (also relaxed SIMD, whose fused multiply-add the matmul uses: Chrome ≥ 114, Node ≥ 22, Node 20
 * with --experimental-wasm-relaxed-simd).
 */
export type WasmBuild = "simd128" | "relaxed";

const PAGE = 65536;
/** wasm32 memory ends at 4 GiB (65,536 pages). */
export const MAX_WASM_BYTES = 65536 * PAGE;
/** The control block sits at the start of memory; the arena starts after it. */
const CTL = 0;
const ARENA_START = Math.ceil((CTL + CONTROL_BYTES) / 256) * 256;

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
  validate(bytes: Uint8Array): boolean;
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

function decode(base64: string): Uint8Array {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Threads large kernels may use, for every runtime (see setNumThreads). */
let threadCount = threadsSupported() ? Math.min(availableCores(), MAX_WORKERS + 1) : 1;

/** Sets the thread count (clamped to what the runtime allows); returns the count in effect. */
export function setThreadCount(n: number): number {
  threadCount = threadsSupported() ? Math.min(n, MAX_WORKERS + 1) : 1;
  return threadCount;
}

/** The thread count large kernels may use. */
export function threadCountSetting(): number {
  return threadCount;
}

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
  /** The byte offset of the control block threads read their jobs from. */
  readonly ctl = CTL;

  constructor(
    api: WasmApi,
    bytes: Uint8Array,
    shared: boolean,
    readonly build: WasmBuild,
  ) {
    this.memory = shared
      ? new api.Memory({ initial: 64, maximum: 65536, shared: true })
      : new api.Memory({ initial: 64 });
    const module = new api.Module(bytes);
    const instance = new api.Instance(module, {
      env: {
        memory: this.memory,
        abort: () => {
          throw new Error("wasm kernel aborted");
        },
      },
    });
    // the module's exports are what its typings (abi.generated.ts, checked by the build) declare
    this.exports = instance.exports as unknown as KernelExports;
    this.pool = shared ? new WorkerPool(module, this.memory, this.exports, CTL) : null;
    this.f32 = new Float32Array(this.memory.buffer);
    this.f64 = new Float64Array(this.memory.buffer);
  }

  /** Threads a large kernel may be split over now (1 = the calling thread only). */
  get threads(): number {
    return this.pool && !this.pool.broken ? threadCount : 1;
  }

  /** Starts a kernel call: the whole arena is free. */
  reset(): void {
    this.top = ARENA_START;
  }

  /** Reserves `bytes` bytes (16-byte aligned) and returns their byte offset. */
  allocBytes(bytes: number): number {
    const ptr = this.top;
    // NOTE: plain arithmetic, not `& ~15`: offsets reach 2³² bytes, past the 32-bit signed range
    // that bit operators wrap at (a 600M-element float32 op failed with "offset is out of bounds").
    const top = Math.ceil((ptr + bytes) / 16) * 16;
    if (top > MAX_WASM_BYTES) {
      // a RangeError about memory: the op that called the kernel reports it as a ShapeError
      throw new RangeError(
        `the wasm backend needs ${top} bytes of memory for this call, more than wasm32's 4 GiB; use setBackend("cpu") for tensors this large`,
      );
    }
    this.top = top;
    if (top > this.memory.buffer.byteLength) {
      const pages = Math.ceil((top - this.memory.buffer.byteLength) / PAGE);
      try {
        this.memory.grow(pages);
      } catch (e) {
        this.top = ptr;
        throw new RangeError(
          `could not grow wasm memory to ${top} bytes (${e instanceof Error ? e.message : String(e)}); use setBackend("cpu") for tensors this large`,
        );
      }
      this.f32 = new Float32Array(this.memory.buffer);
      this.f64 = new Float64Array(this.memory.buffer);
    }
    return ptr;
  }

  /** Reserves `floats` float32 slots and returns the byte offset. */
  alloc(floats: number): number {
    return this.allocBytes(floats * 4);
  }

  /** Copies `src` (float32 or float64) in and returns its byte offset. */
  put(src: Float32Array | Float64Array): number {
    const ptr = this.allocBytes(src.byteLength);
    if (src instanceof Float64Array) this.f64.set(src, ptr / 8);
    else this.f32.set(src, ptr / 4);
    return ptr;
  }

  /** A fresh Float64Array copy of `n` doubles at `ptr`. */
  takeF64(ptr: number, n: number): Float64Array {
    const out = pooledFloat64(n);
    out.set(this.f64.subarray(ptr / 8, ptr / 8 + n));
    return out;
  }

  /** Copies `dst.length` floats at `ptr` into `dst`. */
  copyOut(ptr: number, dst: Float32Array): void {
    dst.set(this.f32.subarray(ptr / 4, ptr / 4 + dst.length));
  }

  /** A fresh Float32Array copy of `n` floats at `ptr`. */
  take(ptr: number, n: number): Float32Array {
    // NOTE: never `this.f32.slice(…)`: with threads the memory is a SharedArrayBuffer, and V8 (Node
    // 20) slices a shared typed array element by element (about 0.4 GB/s, measured: 76 µs for 8192
    // floats against 7 µs for allocate-then-set, which copies with memcpy).
    const out = pooledFloat32(n);
    out.set(this.f32.subarray(ptr / 4, ptr / 4 + n));
    return out;
  }
}

const sources: Record<WasmBuild, { private: string; shared: string }> = {
  simd128: { private: kernelsWasmBase64, shared: kernelsSharedWasmBase64 },
  relaxed: { private: kernelsRelaxedWasmBase64, shared: kernelsRelaxedSharedWasmBase64 },
};
const runtimes = new Map<string, WasmRuntime | null>();

/**
 * The runtime of one build, created on first use; null where this engine cannot run it (no
 * WebAssembly, no SIMD, or no relaxed SIMD for `relaxed`: checked with WebAssembly.validate).
 * `threaded` asks for the instance whose memory worker threads share (when this engine has
 * threads; else it is the private one); without it, an instance with a private memory, for calls
 * that run on the calling thread only: V8 copies into and out of a shared memory with relaxed
 * atomic moves, 3–4× slower than the memcpy it uses for a private one.
 */
export function getRuntime(build: WasmBuild, threaded = false): WasmRuntime | null {
  const shared = threaded && threadsSupported();
  const key = `${build}:${shared ? "shared" : "private"}`;
  let rt = runtimes.get(key);
  if (rt === undefined) {
    rt = null;
    try {
      const src = sources[build];
      const bytes = decode(shared ? src.shared : src.private);
      if (wasmApi?.validate(bytes)) rt = new WasmRuntime(wasmApi, bytes, shared, build);
    } catch {
      rt = null;
    }
    runtimes.set(key, rt);
  }
  return rt;
}

/** Whether this engine can run a build (decided without instantiating it). */
export function buildAvailable(build: WasmBuild): boolean {
  const loaded = runtimes.get(`${build}:private`);
  if (loaded !== undefined) return loaded !== null;
  try {
    return !!wasmApi?.validate(decode(sources[build].private));
  } catch {
    return false;
  }
}
