import { kernelsWasmBase64 } from "./kernels.generated.js";

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

// The few WebAssembly JS API members used here (core's type config includes neither the DOM lib nor
// a WebAssembly declaration), read from globalThis so that a runtime without it is detected.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
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
  private top = 0;
  f32: Float32Array;

  constructor(api: WasmApi) {
    const bin = atob(kernelsWasmBase64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    this.memory = new api.Memory({ initial: 64 });
    const instance = new api.Instance(new api.Module(bytes), {
      env: {
        memory: this.memory,
        abort: () => {
          throw new Error("wasm kernel aborted");
        },
      },
    });
    this.exports = instance.exports as unknown as KernelExports;
    this.f32 = new Float32Array(this.memory.buffer);
  }

  /** Starts a kernel call: the whole arena is free. */
  reset(): void {
    this.top = 0;
  }

  /** Reserves `floats` float32 slots (16-byte aligned) and returns the byte offset. */
  alloc(floats: number): number {
    const ptr = this.top;
    this.top = (ptr + floats * 4 + 15) & ~15;
    if (this.top > this.memory.buffer.byteLength) {
      const pages = Math.ceil((this.top - this.memory.buffer.byteLength) / PAGE);
      this.memory.grow(pages);
      this.f32 = new Float32Array(this.memory.buffer);
    }
    return ptr;
  }

  /** Copies `src` in and returns its byte offset. */
  put(src: Float32Array): number {
    const ptr = this.alloc(src.length);
    this.f32.set(src, ptr >> 2);
    return ptr;
  }

  /** A fresh Float32Array copy of `n` floats at `ptr`. */
  take(ptr: number, n: number): Float32Array {
    return this.f32.slice(ptr >> 2, (ptr >> 2) + n);
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
