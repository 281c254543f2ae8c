import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { noGrad, randint, randn, setBackend, type Tensor, tensor } from "@fluxion/core";
import { Adam, crossEntropy, Linear, ReLU, Sequential } from "@fluxion/nn";
import { labels, uniform, weights } from "./workloads.js";

export interface MemoryReport {
  readonly steps: number;
  /** JS heap in use. */
  readonly startMB: number;
  readonly endMB: number;
  readonly maxMB: number;
  /** Memory of ArrayBuffers (tensor data, wasm memory), outside the JS heap. */
  readonly buffersStartMB: number;
  readonly buffersEndMB: number;
  readonly buffersMaxMB: number;
  /** Whether a full GC ran before each sample (else samples include garbage not yet collected). */
  readonly gcBeforeSample: boolean;
}

function collector(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (typeof g === "function") return g;
  try {
    // Exposes V8's gc() at run time, so `pnpm bench` needs no extra node flag.
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}

/**
 * The flat-memory check: a small MLP (32-64-10, batch 16, softmax cross-entropy, SGD) trained for
 * `steps` steps on `backend`; the heap is sampled (after a full GC when possible) every `every`
 * steps. A leak of graph nodes or buffers shows as end ≫ start.
 */
export function memoryCheck(backend: string, steps: number, every = 250): MemoryReport {
  setBackend(backend);
  const gc = collector();
  const sizes = [32, 64, 10];
  const batch = 16;
  const params: Tensor[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fi = sizes[l] as number;
    const fo = sizes[l + 1] as number;
    params.push(tensor(weights(fi, fo, 40 + l), { shape: [fi, fo] }).requiresGrad_());
    params.push(tensor(new Float32Array(fo), { shape: [fo] }).requiresGrad_());
  }
  const x = tensor(uniform(batch * 32, 41), { shape: [batch, 32] });
  const y = tensor(labels(batch, 10, 42), { shape: [batch, 1] });
  const step = () => {
    const h = x
      .matmul(params[0] as Tensor)
      .add(params[1] as Tensor)
      .maximum(0)
      .matmul(params[2] as Tensor)
      .add(params[3] as Tensor);
    const loss = h.sub(h.logSumExp(1, true)).gather(1, y).mean().neg();
    loss.backward();
    noGrad(() => {
      for (const p of params) {
        p.sub_(p.grad as Tensor, 0.05);
        p.grad = null;
      }
    });
  };
  const sample = (): [number, number] => {
    gc?.();
    const u = process.memoryUsage();
    return [u.heapUsed / 2 ** 20, u.arrayBuffers / 2 ** 20];
  };
  for (let i = 0; i < every; i++) step();
  const [start, bStart] = sample();
  let [max, bMax] = [start, bStart];
  let [end, bEnd] = [start, bStart];
  for (let i = 1; i <= steps; i++) {
    step();
    if (i % every === 0) {
      [end, bEnd] = sample();
      max = Math.max(max, end);
      bMax = Math.max(bMax, bEnd);
    }
  }
  return {
    steps,
    startMB: start,
    endMB: end,
    maxMB: max,
    buffersStartMB: bStart,
    buffersEndMB: bEnd,
    buffersMaxMB: bMax,
    gcBeforeSample: gc !== undefined,
  };
}

/** One soak sample: the step and the memory after a full GC. */
export interface SoakSample {
  readonly step: number;
  readonly heapMB: number;
  readonly buffersMB: number;
}

/**
 * The memory soak (issue 10): `steps` training steps of an nn model as a user writes it (Sequential
 * of Linear/ReLU, crossEntropy, Adam, a fresh random batch each step, zeroGrad), sampling the JS heap
 * and ArrayBuffer memory after a full GC every `every` steps. Run with
 * `node --expose-gc --import tsx/esm --conditions=@fluxion/source bench/src/memory.ts [steps] [backend]`
 * (or `pnpm bench:memory`).
 */
export function memorySoak(backend: string, steps: number, every = 1000): SoakSample[] {
  setBackend(backend);
  const gc = collector();
  const net = new Sequential(new Linear(32, 64), new ReLU(), new Linear(64, 10));
  const opt = new Adam(net.parameters(), { lr: 1e-3 });
  const samples: SoakSample[] = [];
  const sample = (step: number) => {
    gc?.();
    const u = process.memoryUsage();
    samples.push({ step, heapMB: u.heapUsed / 2 ** 20, buffersMB: u.arrayBuffers / 2 ** 20 });
  };
  for (let i = 0; i <= steps; i++) {
    if (i % every === 0) sample(i);
    if (i === steps) break;
    const x = randn([16, 32]);
    const y = randint(0, 10, [16]);
    opt.zeroGrad();
    const loss = crossEntropy(net.call(x), y);
    loss.backward();
    opt.step();
  }
  return samples;
}

const isMain = process.argv[1]?.endsWith("memory.ts") || process.argv[1]?.endsWith("memory.js");
if (isMain) {
  const steps = Number(process.argv[2] ?? 100_000);
  const backend = process.argv[3] ?? "wasm";
  const t0 = performance.now();
  const samples = memorySoak(backend, steps);
  for (const s of samples)
    console.log(`${s.step}\t${s.heapMB.toFixed(2)}\t${s.buffersMB.toFixed(2)}`);
  const first = samples[1] ?? samples[0];
  const last = samples[samples.length - 1];
  if (first && last) {
    const heapMax = Math.max(...samples.slice(1).map((s) => s.heapMB));
    const bufMax = Math.max(...samples.slice(1).map((s) => s.buffersMB));
    console.log(
      `memory soak (${backend}, ${steps} steps, ${((performance.now() - t0) / 1000).toFixed(0)} s): JS heap ${first.heapMB.toFixed(2)} MB after ${first.step} steps, ${last.heapMB.toFixed(2)} MB at the end, ${heapMax.toFixed(2)} MB at most; ArrayBuffers ${first.buffersMB.toFixed(2)} → ${last.buffersMB.toFixed(2)} MB (max ${bufMax.toFixed(2)} MB)`,
    );
  }
}
