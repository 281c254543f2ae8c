// Worker threads that run the wasm kernels in a shared WebAssembly.Memory (Node's worker_threads;
// Web Workers are not wired up yet, so browsers stay on one thread). A worker is the typed function
// `workerMain` below, started from its own source text: it waits for jobs and runs each with the
// kernels' `runJob`, the one chunk loop (packages/core/wasm/kernels.ts) that the calling thread runs
// too. The control block's layout comes from wasm/abi.mjs, through abi.generated.ts.

import { control, type jobCodes, type KernelExports } from "./abi.generated.js";

/** Workers beyond the calling thread (so at most 4 threads run a kernel). */
export const MAX_WORKERS = control.maxWorkers;
/** Bytes of the control block (job, then one slot per worker); the arena starts after it. */
export const CONTROL_BYTES = (control.slots + MAX_WORKERS * control.slotWords) * 4;

/** Bits of the chunk count and of the next chunk in the job's counter word (see wasm/abi.mjs). */
const CHUNK_BITS = 17n;
const CHUNK_LIMIT = 1 << 17;

/** How long a worker spins for its next job before it sleeps (see workerMain). */
const WORKER_SPIN_MS = 0.2;

/** What a worker is started with (its `workerData`). */
interface WorkerData {
  readonly module: object;
  readonly memory: { readonly buffer: ArrayBuffer | SharedArrayBuffer };
  /** Byte offset of the control block. */
  readonly ctl: number;
  /** This worker's slot: it runs jobs as thread slot + 1. */
  readonly slot: number;
  readonly layout: typeof control;
  /** How long (ms) the worker spins for its next job before it sleeps. */
  readonly spinMs: number;
}

interface WorkerGlobal {
  WebAssembly: {
    Instance: new (
      module: object,
      imports: object,
    ) => { readonly exports: Pick<KernelExports, "runJob"> };
  };
  performance: { readonly timeOrigin: number; now(): number };
}

/**
 * A worker's program. It runs in the worker from its source text, so it uses nothing from outside
 * itself (no imports, no helpers). It waits on its slot's `seq` word for a new job number, runs the
 * job, and publishes the number in `done`; a negative number ends it.
 */
function workerMain(d: WorkerData): void {
  const { WebAssembly: wasm, performance: clock } = globalThis as unknown as WorkerGlobal;
  const kernels = new wasm.Instance(d.module, { env: { memory: d.memory } }).exports;
  const at = d.ctl + (d.layout.slots + d.slot * d.layout.slotWords) * 4;
  const s = new Int32Array(d.memory.buffer, at, d.layout.slotWords);
  const times = new Float64Array(d.memory.buffer, at, d.layout.slotWords / 2);
  const origin = clock.timeOrigin;
  // Jobs posted before this worker started have been (or are being) done by the others: it
  // reports the latest as done without joining it, and takes part from the next one on.
  Atomics.store(s, d.layout.started, 1);
  let seen = Atomics.load(s, d.layout.seq);
  Atomics.store(s, d.layout.done, seen);
  Atomics.notify(s, d.layout.done);
  for (;;) {
    Atomics.wait(s, d.layout.seq, seen);
    const q = Atomics.load(s, d.layout.seq);
    if (q === seen) continue;
    if (q < 0) break;
    seen = q;
    times[d.layout.woke / 2] = origin + clock.now();
    s[d.layout.taken] = kernels.runJob(d.ctl, d.slot + 1, q);
    times[d.layout.ended / 2] = origin + clock.now();
    Atomics.store(s, d.layout.done, q);
    Atomics.notify(s, d.layout.done);
    // NOTE: a short spin before sleeping: kernels often come back to back (a matmul's packing
    // then its products, the next layer's matmul), and on a busy machine a thread that sleeps
    // waits for the scheduler (milliseconds under load) before it runs again
    const until = clock.now() + d.spinMs;
    while (Atomics.load(s, d.layout.seq) === seen && clock.now() < until);
  }
}

// NOTE: the wait stays in JavaScript: on Node 20 (V8 11.3), a wasm loop around memory.atomic.wait32
// read its slot back from a wrong address after waking (it saw word 0 of the control block).
const workerSource = `(${workerMain.toString()})(require("node:worker_threads").workerData);`;

interface NodeWorker {
  unref(): void;
}
interface WorkerThreads {
  Worker: new (code: string, options: { eval: true; workerData: WorkerData }) => NodeWorker;
}
interface NodeProcess {
  getBuiltinModule?(name: string): unknown;
}

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

/** A job for every thread: its kind, op code, chunk size and arguments (see wasm/abi.mjs). */
export interface Job {
  readonly kind: (typeof jobCodes)[keyof typeof jobCodes];
  readonly op: number;
  /** Panels (packB), elements (elementwise) per chunk; 1 for gemm (a chunk is one tile). */
  readonly chunk: number;
  /** How many chunks the job has (elementwise jobs: ceil(n / chunk) when not given). */
  readonly chunks?: number;
  /** gemm: m n k a ars acs pb c ldc scratch tileRows tileCols; packB: k n b brs bcs pb;
   * elementwise: x y g n (see wasm/abi.mjs). */
  readonly args: readonly number[];
  /** Bytes of scratch per thread (gemm). */
  readonly scratchStride?: number;
}

/** What the last job of a pool took, for profiling (times in ms, from the caller's clock). */
export interface JobStats {
  /** Chunks each thread ran: the calling thread first, then each worker. */
  readonly chunks: number[];
  /** From notifying each worker until it woke. */
  readonly wakeMs: number[];
  /** Each worker's time running chunks (from waking to finishing its share). */
  readonly workerMs: number[];
  /** The caller's time in `during` (work overlapped with the workers') and running chunks. */
  readonly duringMs: number;
  readonly callerMs: number;
  /** The caller's wait for the workers after its own share. */
  readonly joinMs: number;
}

/**
 * Profiling is on while `globalThis[Symbol.for("fluxion.wasmProfile")]` is an array: the wasm
 * backend then appends one record per matmul to it (see MatmulProfile in index.ts), with the
 * threads' JobStats. No public API: bench/src/matmul-only.ts --profile sets it.
 */
export function profileSink(): unknown[] | null {
  const sink = (globalThis as Record<symbol, unknown>)[Symbol.for("fluxion.wasmProfile")];
  return Array.isArray(sink) ? sink : null;
}

const clock = (globalThis as { performance?: { readonly timeOrigin: number; now(): number } })
  .performance;
/** ms since the epoch, on the same scale as the workers' `timeOrigin + now()`. */
export const now = (): number => (clock ? clock.timeOrigin + clock.now() : Date.now());

/**
 * Workers started lazily (on the first job large enough for threads), each with its own instance
 * of the shared-memory module. `run` writes a job into the control block, wakes the workers, runs
 * chunks on the calling thread too, and waits for the workers to finish.
 */
export class WorkerPool {
  private readonly slots: Int32Array[] = [];
  /** When each worker was created (ms, `now()`). */
  private readonly created: number[] = [];
  private readonly block: Int32Array;
  private readonly counter: BigInt64Array;
  private seq = 0;
  broken = false;
  /** The last job's JobStats, recorded while profiling is on (see profileSink). */
  last: JobStats | null = null;

  constructor(
    private readonly module: object,
    private readonly memory: { readonly buffer: ArrayBuffer | SharedArrayBuffer },
    private readonly kernels: KernelExports,
    private readonly ctl: number,
  ) {
    this.block = new Int32Array(memory.buffer, ctl, CONTROL_BYTES / 4);
    this.block.fill(0);
    this.counter = new BigInt64Array(memory.buffer, ctl, CONTROL_BYTES / 8);
  }

  /** Makes sure `count` workers exist (fewer if they cannot start); returns how many do. */
  ensure(count: number): number {
    const wt = workerThreads();
    while (!this.broken && wt && this.slots.length < Math.min(count, MAX_WORKERS)) {
      const slot = this.slots.length;
      const at = this.ctl + (control.slots + slot * control.slotWords) * 4;
      const view = new Int32Array(this.memory.buffer, at, control.slotWords);
      view.fill(0);
      try {
        const workerData = {
          module: this.module,
          memory: this.memory,
          ctl: this.ctl,
          slot,
          layout: control,
          spinMs: WORKER_SPIN_MS,
        };
        new wt.Worker(workerSource, { eval: true, workerData }).unref();
      } catch {
        this.broken = true;
        break;
      }
      this.slots.push(view);
      this.created.push(now());
    }
    return this.broken ? 0 : this.slots.length;
  }

  /**
   * Runs `job` on the calling thread and workers 0..workers-1 (see `ensure`). `during`, if given,
   * runs on the calling thread after the workers are woken and before it takes chunks itself: work
   * that overlaps theirs (the chunk counter gives the caller less of the job).
   */
  run(job: Job, workers: number, during?: () => void): void {
    const b = this.block;
    const total = job.chunks ?? Math.ceil((job.args[3] ?? 0) / job.chunk);
    if (!(total < CHUNK_LIMIT)) throw new Error(`wasm worker pool: ${total} chunks in one job`);
    b[control.kind] = job.kind;
    b[control.op] = job.op;
    b[control.chunk] = job.chunk;
    b[control.scratchStride] = job.scratchStride ?? 0;
    job.args.forEach((v, i) => {
      b[control.args + i] = v;
    });
    this.seq = (this.seq + 1) & 0x3fffffff || 1;
    Atomics.store(b, control.completed, 0);
    // the job becomes takeable here: its number, its chunk count and the next chunk (0)
    const word = (BigInt(this.seq) << (2n * CHUNK_BITS)) | (BigInt(total) << CHUNK_BITS);
    Atomics.store(this.counter, control.counter / 2, word);
    const profile = profileSink() !== null;
    const t0 = profile ? now() : 0;
    for (let w = 0; w < workers; w++) {
      const s = this.slot(w);
      Atomics.store(s, control.seq, this.seq);
      Atomics.notify(s, control.seq);
    }
    during?.();
    const t1 = now();
    const mine = this.kernels.runJob(this.ctl, 0, this.seq);
    const t2 = now();
    this.complete(total, mine > 0 ? (t2 - t1) / mine : 0.2);
    if (profile) this.record(workers, total, mine, t0, t1, t2);
    this.checkStarted(workers);
  }

  /**
   * Waits until all `total` chunks of the job are finished: not for the workers themselves, so a
   * worker that wakes late (descheduled on a busy machine) costs nothing once the others have
   * done its share; it then finds the job gone (see takeChunk in kernels.ts).
   */
  private complete(total: number, chunkMs: number): void {
    const b = this.block;
    // NOTE: spin first, for about one chunk's time up to 0.25 ms: the last chunks of a small
    // job are usually just finishing, and a caller that sleeps waits for the scheduler to run it
    // again once woken (milliseconds on a busy machine); for large jobs that wake-up is noise
    const until = now() + Math.min(0.25, chunkMs * 1.5);
    while (Atomics.load(b, control.completed) < total && now() < until);
    for (;;) {
      const done = Atomics.load(b, control.completed);
      if (done >= total) return;
      Atomics.wait(b, control.completed, done, 500);
    }
  }

  private record(
    workers: number,
    total: number,
    mine: number,
    t0: number,
    t1: number,
    t2: number,
  ): void {
    const t3 = now();
    const chunks = [mine];
    const wakeMs: number[] = [];
    const workerMs: number[] = [];
    for (let w = 0; w < workers; w++) {
      const s = this.slot(w);
      const times = new Float64Array(s.buffer, s.byteOffset, control.slotWords / 2);
      const woke = times[control.woke / 2] ?? Number.NaN;
      // a worker that had not woken by the end of the job: its figures are a previous job's
      const joined = woke >= t0;
      chunks.push(workers === 1 ? total - mine : joined ? (s[control.taken] ?? 0) : 0);
      wakeMs.push(joined ? woke - t0 : Number.NaN);
      workerMs.push(joined ? (times[control.ended / 2] ?? Number.NaN) - woke : 0);
    }
    this.last = { chunks, wakeMs, workerMs, duringMs: t1 - t0, callerMs: t2 - t1, joinMs: t3 - t2 };
  }

  /**
   * A worker that has not started 10 s after it was created will not: the pool is marked broken
   * and not used again, and the worker is told to quit. (One still booting takes no part in jobs
   * posted before it started: the chunks are done by the others, so the first threaded kernel does
   * not stall while workers boot.)
   */
  private checkStarted(count: number): void {
    for (let w = 0; w < count; w++) {
      const s = this.slot(w);
      if (Atomics.load(s, control.started) === 0 && now() - (this.created[w] ?? 0) >= 10_000) {
        Atomics.store(s, control.seq, -1);
        this.broken = true;
      }
    }
  }

  private slot(w: number): Int32Array {
    const s = this.slots[w];
    if (!s) throw new Error(`wasm worker pool: no worker ${w}`);
    return s;
  }
}
