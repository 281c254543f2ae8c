import { ArgumentError } from "../errors.js";
import type { Backend } from "./backend.js";
import { cpuBackend } from "./cpu/index.js";
import { warmUpHeap } from "./heap-warmup.js";
import { createWasmBackend } from "./wasm/index.js";
import { setThreadCount, threadCountSetting } from "./wasm/runtime.js";
import { threadsSupported } from "./wasm/threads.js";

export type {
  ActivationKernel,
  Backend,
  BinaryKernel,
  ReduceKernel,
  ScanKernel,
  SliceSpec,
  UnaryKernel,
  UpdateKernel,
} from "./backend.js";
export {
  activationKernelNames,
  activationKernelParams,
  binaryKernelNames,
  reduceKernelNames,
  scanKernelNames,
  unaryKernelNames,
} from "./backend.js";

// Freed tensor arrays stay mapped for reuse (Linux; see heap-warmup.ts).
warmUpHeap();

const backends = new Map<string, Backend>([["cpu", printable(cpuBackend)]]);
// WebAssembly SIMD kernels, where this runtime can run them. "wasm" is the default (the fastest
// backend, and the whole suite passes on it): the relaxed-SIMD build (fused multiply-add) where the
// engine validates it, else the plain SIMD build. Both builds are also registered by their own
// names ("wasm-relaxed", "wasm-simd128") to compare them; they share one runtime per build. The CPU
// backend is the fallback where WebAssembly is unavailable, and the reference the conformance test
// compares against.
const relaxed = createWasmBackend("relaxed", "wasm-relaxed");
const simd128 = createWasmBackend("simd128", "wasm-simd128");
const wasmBackend = createWasmBackend("relaxed", "wasm") ?? createWasmBackend("simd128", "wasm");
for (const b of [wasmBackend, relaxed, simd128]) if (b) backends.set(b.name, printable(b));
let active: Backend = wasmBackend ?? cpuBackend;

/**
 * Makes a backend available to `setBackend` by its name.
 *
 * @example
 * registerBackend(myWasmBackend);
 * setBackend("wasm");
 */
export function registerBackend(backend: Backend): void {
  backends.set(backend.name, printable(backend));
}

/**
 * Gives a backend without its own `toString` a short one, `Backend(name=wasm, threads=2)`, also
 * used by Node's `console.log` (whose default would print every kernel function).
 */
function printable(backend: Backend): Backend {
  if (backend.toString !== Object.prototype.toString || Object.isFrozen(backend)) return backend;
  const describe = () =>
    `Backend(name=${backend.name}, threads=${backend.name.startsWith("wasm") ? getNumThreads() : 1})`;
  Object.defineProperty(backend, "toString", { value: describe, configurable: true });
  Object.defineProperty(backend, Symbol.for("nodejs.util.inspect.custom"), {
    value: describe,
    configurable: true,
  });
  return backend;
}

/**
 * Chooses the backend every op runs on from now on.
 *
 * @example
 * setBackend("cpu");
 */
export function setBackend(name: string): void {
  const b = backends.get(name);
  if (!b) {
    throw new ArgumentError(
      `setBackend: no backend named "${name}" (available: ${[...backends.keys()].join(", ")})`,
    );
  }
  active = b;
}

/**
 * The backend ops currently run on. It prints as its name and thread count.
 *
 * @example
 * console.log(getBackend()); // Backend(name=wasm, threads=2)
 * getBackend().name; // "wasm"
 */
export function getBackend(): Backend {
  return active;
}

/**
 * Names of the registered backends.
 *
 * @example
 * listBackends(); // ["cpu", "wasm"]
 */
export function listBackends(): string[] {
  return [...backends.keys()];
}

/**
 * Sets how many threads large kernels may use (the wasm backend's matmul, over worker threads and
 * shared memory in Node; 1 = the calling thread only). The default is the number of cores, up to 4.
 * Returns the count in effect (1 where threads are unavailable).
 *
 * @example
 * setNumThreads(1); // benchmark one thread
 */
export function setNumThreads(n: number): number {
  if (!Number.isInteger(n) || n < 1)
    throw new ArgumentError(`setNumThreads: expected a positive integer, got ${n}`);
  if (!threadsSupported()) return 1;
  return setThreadCount(n);
}

/**
 * How many threads large kernels may use (see `setNumThreads`).
 *
 * @example
 * getNumThreads(); // 2 on a two-core machine with the wasm backend
 */
export function getNumThreads(): number {
  return threadCountSetting();
}
