// Worker threads that run the wasm kernels in a shared WebAssembly.Memory (Node's worker_threads;
// Web Workers are not wired up yet, so browsers stay on one thread).

/** Bytes of control block per worker, at the start of memory (the arena starts after them all). */
export const SLOT_BYTES = 128;
export const MAX_WORKERS = 3;

interface NodeWorker {
  unref(): void;
}
interface WorkerThreads {
  Worker: new (code: string, options: { eval: true; workerData: unknown }) => NodeWorker;
}
interface NodeProcess {
  getBuiltinModule?(name: string): unknown;
}

/** Byte offset of the chunk counter that the caller and every worker take column chunks from. */
export const COUNTER_BYTE = MAX_WORKERS * SLOT_BYTES;

// Each worker waits on word 0 of its slot for a new job number. Word 16 says what the job is:
// 0, a gemm whose arguments are in words 2..13 (m, n, k, a, ars, acs, b, brs, bcs, c, ldc,
// scratch), cut in chunks of word 15 columns; 1, 2 or 3, an elementwise kernel (unaryF32,
// activationF32, activationGradF32) with op, x, y, g, n in words 17..21, cut in chunks of word 15
// elements. Workers and the caller take chunks from a shared counter until none are left (so a
// worker that wakes late or runs on a busy core does less); then a worker publishes the job number
// in word 1. Word 14 says it has started.
const workerSource = `
const { workerData } = require("node:worker_threads");
const { module, memory, slot } = workerData;
const { exports: k } = new WebAssembly.Instance(module, {
  env: { memory, abort() { throw new Error("wasm kernel aborted"); } },
});
const c = new Int32Array(memory.buffer, slot * ${SLOT_BYTES}, ${SLOT_BYTES / 4});
const counter = new Int32Array(memory.buffer, ${COUNTER_BYTE}, 1);
Atomics.store(c, 14, 1);
let seen = 0;
for (;;) {
  Atomics.wait(c, 0, seen);
  const s = Atomics.load(c, 0);
  if (s === seen) continue;
  if (s < 0) break;
  seen = s;
  const kind = c[16], cw = c[15];
  if (kind === 0) {
    const n = c[3], bcs = c[10];
    for (;;) {
      const j0 = Atomics.add(counter, 0, 1) * cw;
      if (j0 >= n) break;
      const nw = Math.min(cw, n - j0);
      k.gemm(c[2], nw, c[4], c[5] >>> 0, c[6], c[7], (c[8] >>> 0) + j0 * bcs * 4, c[9], bcs,
        (c[11] >>> 0) + j0 * 4, c[12], c[13] >>> 0);
    }
  } else {
    const op = c[17], x = c[18] >>> 0, y = c[19] >>> 0, g = c[20] >>> 0, n = c[21];
    for (;;) {
      const i0 = Atomics.add(counter, 0, 1) * cw;
      if (i0 >= n) break;
      const len = Math.min(cw, n - i0);
      if (kind === 1) k.unaryF32(op, x + i0 * 4, y + i0 * 4, len);
      else if (kind === 2) k.activationF32(op, x + i0 * 4, y + i0 * 4, len);
      else k.activationGradF32(op, g + i0 * 4, x + i0 * 4, y + i0 * 4, len);
    }
  }
  Atomics.store(c, 1, s);
  Atomics.notify(c, 1);
}
`;

/** Node's worker_threads, reached without a static import so core stays browser-safe. */
function workerThreads(): WorkerThreads | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  try {
    return proc?.getBuiltinModule?.("node:worker_threads") as WorkerThreads | undefined;
  } catch {
    return undefined;
  }
}

/** Cores this process may use (Node), or 1 when unknown. */
export function availableCores(): number {
  const proc = (globalThis as { process?: NodeProcess }).process;
  try {
    const os = proc?.getBuiltinModule?.("node:os") as
      | { availableParallelism?(): number; cpus(): unknown[] }
      | undefined;
    return os ? (os.availableParallelism?.() ?? os.cpus().length) : 1;
  } catch {
    return 1;
  }
}

/** Whether this runtime can run kernels on worker threads over shared memory. */
export function threadsSupported(): boolean {
  return (
    typeof SharedArrayBuffer === "function" && typeof Atomics === "object" && !!workerThreads()
  );
}

/**
 * Workers started lazily (the first large matmul), each with its own instance of the shared-memory
 * module and a control slot. The caller fills slot arguments, `start`s the workers, does its own
 * share of the work, then `join`s.
 */
export class WorkerPool {
  private readonly slots: Int32Array[] = [];
  private seq = 0;
  broken = false;

  constructor(
    private readonly module: object,
    private readonly memory: { readonly buffer: ArrayBuffer | SharedArrayBuffer },
  ) {}

  /** Makes sure `count` workers exist (fewer if they cannot start). */
  ensure(count: number): number {
    const wt = workerThreads();
    while (!this.broken && wt && this.slots.length < Math.min(count, MAX_WORKERS)) {
      const slot = this.slots.length;
      const view = new Int32Array(this.memory.buffer, slot * SLOT_BYTES, SLOT_BYTES / 4);
      view.fill(0);
      try {
        const w = new wt.Worker(workerSource, {
          eval: true,
          workerData: { module: this.module, memory: this.memory, slot },
        });
        w.unref();
      } catch {
        this.broken = true;
        break;
      }
      this.slots.push(view);
    }
    return this.broken ? 0 : this.slots.length;
  }

  /**
   * Sets worker `w`'s job: a gemm (m, n, k, a, ars, acs, b, brs, bcs, c, ldc, scratch) cut into
   * chunks of `chunk` columns.
   */
  setArgs(w: number, args: readonly number[], chunk: number): void {
    const s = this.slots[w] as Int32Array;
    for (let i = 0; i < 12; i++) s[2 + i] = args[i] as number;
    s[15] = chunk;
    s[16] = 0;
  }

  /**
   * Sets worker `w`'s job: elementwise kernel `kind` (1 unaryF32, 2 activationF32, 3
   * activationGradF32) with op, x, y, g, n, cut in chunks of `chunk` elements.
   */
  setElementwise(w: number, kind: number, args: readonly number[], chunk: number): void {
    const s = this.slots[w] as Int32Array;
    for (let i = 0; i < 5; i++) s[17 + i] = args[i] as number;
    s[15] = chunk;
    s[16] = kind;
  }

  /** The shared chunk counter (reset it to 0 before `start`). */
  counter(): Int32Array {
    return new Int32Array(this.memory.buffer, COUNTER_BYTE, 1);
  }

  /** Starts workers 0..count-1 on their jobs. */
  start(count: number): void {
    this.seq = (this.seq + 1) & 0x3fffffff;
    if (this.seq === 0) this.seq = 1;
    for (let w = 0; w < count; w++) {
      const s = this.slots[w] as Int32Array;
      Atomics.store(s, 0, this.seq);
      Atomics.notify(s, 0);
    }
  }

  /**
   * Waits for workers 0..count-1. Returns the workers that never started (the caller has taken all
   * chunks by then, so no work is lost; the pool is marked broken and not used again).
   */
  join(count: number): number[] {
    const missing: number[] = [];
    for (let w = 0; w < count; w++) {
      const s = this.slots[w] as Int32Array;
      let waited = 0;
      for (;;) {
        const done = Atomics.load(s, 1);
        if (done === this.seq) break;
        // a worker that has not even started after 10 s will not: take its work back
        if (Atomics.wait(s, 1, done, 500) === "timed-out") {
          waited += 500;
          if (waited >= 10_000 && Atomics.load(s, 14) === 0) {
            // should it start after all, it must quit rather than take chunks of a later job
            Atomics.store(s, 0, -1);
            this.broken = true;
            missing.push(w);
            break;
          }
        }
      }
    }
    return missing;
  }
}
