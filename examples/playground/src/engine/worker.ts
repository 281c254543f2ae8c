// The Web Worker entry: training runs here so that the page never freezes. The page starts it with
// `new Worker(new URL("./engine/worker.ts", import.meta.url), { type: "module" })`.
//
// Backend: Fluxion's default, wasm (SIMD kernels), where this browser validates the module, else
// cpu. A worker may compile WebAssembly synchronously at any size (the main thread may not), which
// the wasm backend does on first use. Its threads use Node's worker_threads only (Web Workers are
// not wired up in core yet, and SharedArrayBuffer would need a cross-origin-isolated page: COOP +
// COEP headers), so in a browser the kernels run on this one worker thread.
import { getBackend, listBackends, setBackend } from "@fluxion/core";
import type { FromWorker, ToWorker } from "./protocol.js";
import { createWorkerHandler } from "./worker-handler.js";

interface WorkerScope {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;

if (getBackend().name !== "wasm" && listBackends().includes("wasm")) setBackend("wasm");

const handle = createWorkerHandler({
  post: (message, transfer) => scope.postMessage(message, transfer),
  schedule: (fn) => setTimeout(fn, 0),
  now: () => performance.now(),
});

scope.onmessage = (event) => {
  try {
    handle(event.data);
  } catch (e) {
    scope.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) }, []);
  }
};
