import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { noGrad, setBackend, type Tensor, tensor } from "@fluxion/core";
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
