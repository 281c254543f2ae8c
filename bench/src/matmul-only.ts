// `tsx --experimental-wasm-relaxed-simd --conditions=@fluxion/source bench/src/matmul-only.ts
// [--quick] [--profile]`: the 1024² matmul rows of the bench alone (Fluxion's wasm builds on 1 and 2
// threads, and TensorFlow.js wasm), timed interleaved, for quick kernel work. `--profile` instead
// prints where each matmul's time goes (copies, packing, products, and per thread: chunks, wake-up,
// busy time, the caller's wait) at 1024² and at the MLP's and the 20-layer step's sizes, forward and
// backward.
import { readFileSync } from "node:fs";
import { getBackend, listBackends, setBackend, setNumThreads } from "@fluxion/core";
import { fullTiming, quickTiming, timeInterleaved } from "./harness.js";
import { fluxion } from "./peers/fluxion.js";
import { tfjs } from "./peers/tfjs.js";
import { MATMUL_N, uniform } from "./workloads.js";

const args = process.argv.slice(2);
const builds = ["wasm-relaxed", "wasm-simd128"].filter((x) => listBackends().includes(x));
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

async function rows(): Promise<void> {
  const gflops = (ms: number) => (2 * MATMUL_N ** 3) / (ms * 1e6);
  const steps: { name: string; step: () => unknown }[] = [];
  for (const b of builds) {
    const impl = fluxion(b);
    for (const t of [1, 2]) {
      const step = await impl.matmul?.("NN", t);
      if (step) steps.push({ name: `fluxion-${b}, ${t} thread(s)`, step });
    }
  }
  const tf = tfjs("wasm");
  const tfStep = await tf.matmul?.("NN");
  if (tfStep) steps.push({ name: "tfjs-wasm (XNNPACK, 1 thread)", step: tfStep });
  console.log(`load average before: ${load()}`);
  // process CPU time per step too: on a shared machine a thread waits for a core, and the
  // scheduler (CFS with autogroup) gives a process one share however many threads it runs, so
  // GFLOP per CPU-second says whether threads add work, which wall time alone cannot
  const cpu = steps.map(() => ({ ms: 0, calls: 0 }));
  const timed = steps.map((s, i) => () => {
    const c0 = process.cpuUsage();
    const r = s.step();
    const c = process.cpuUsage(c0);
    const acc = cpu[i];
    if (acc) {
      acc.ms += (c.user + c.system) / 1000;
      acc.calls++;
    }
    return r;
  });
  const ms = await timeInterleaved(timed, args.includes("--quick") ? quickTiming : fullTiming);
  const tfMs = ms[ms.length - 1] ?? Number.NaN;
  for (const [i, s] of steps.entries()) {
    const t = ms[i] ?? Number.NaN;
    const c = cpu[i] ?? { ms: Number.NaN, calls: 1 };
    console.log(
      `${s.name.padEnd(36)} ${gflops(t).toFixed(1).padStart(6)} GFLOP/s  ${(tfMs / t).toFixed(2)}× tfjs-wasm  ${gflops(
        c.ms / c.calls,
      )
        .toFixed(1)
        .padStart(6)} GFLOP per CPU-second`,
    );
  }
  console.log(`load average after: ${load()}`);
  tf.dispose?.();
}

/** A record of the wasm backend's profile sink (MatmulProfile in packages/core/src/backend/wasm). */
interface Record {
  threads: number;
  copyInMs: number;
  packMs: number;
  computeMs: number;
  copyOutMs: number;
  job: {
    chunks: number[];
    wakeMs: number[];
    workerMs: number[];
    duringMs: number;
    callerMs: number;
    joinMs: number;
  } | null;
}

async function profile(): Promise<void> {
  const sink: Record[] = [];
  // a product's shape as the bench's workloads run it: [m, k, n, transA, transB]
  const shapes: [string, number, number, number, boolean, boolean][] = [
    ["1024² A·B", 1024, 1024, 1024, false, false],
    ["MLP fwd x·W1 [128,784]·[784,256]", 128, 784, 256, false, false],
    ["MLP bwd xᵀ·g [784,128]·[128,256]", 784, 128, 256, true, false],
    ["MLP bwd g·W1ᵀ [128,256]·[256,784]", 128, 256, 784, false, true],
    ["MLP fwd h·W2 [128,256]·[256,256]", 128, 256, 256, false, false],
    ["20-layer fwd h·Wᵀ [64,128]·[128,128]ᵀ", 64, 128, 128, false, true],
    ["20-layer bwd g·W [64,128]·[128,128]", 64, 128, 128, false, false],
    ["20-layer bwd gᵀ·h [128,64]·[64,128]", 128, 64, 128, true, false],
  ];
  const reps = args.includes("--quick") ? 5 : 15;
  console.log(`load average before: ${load()}; medians of ${reps} interleaved calls, ms`);
  for (const [label, m, k, n, transA, transB] of shapes) {
    const a = uniform(m * k, 1);
    const b = uniform(k * n, 2);
    const aShape = transA ? [k, m] : [m, k];
    const bShape = transB ? [n, k] : [k, n];
    const runs = new Map<string, { wall: number[]; cpu: number[]; recs: Record[] }>();
    for (let r = 0; r < reps + 2; r++) {
      for (const build of builds) {
        for (const threads of [1, 2]) {
          setBackend(build);
          setNumThreads(threads);
          const be = getBackend();
          (globalThis as { [k: symbol]: unknown })[Symbol.for("fluxion.wasmProfile")] = sink;
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          be.matmul(a, aShape, b, bShape, transA, transB, [m, n], "float32");
          const wall = performance.now() - t0;
          const c = process.cpuUsage(c0);
          delete (globalThis as { [k: symbol]: unknown })[Symbol.for("fluxion.wasmProfile")];
          const rec = sink.pop();
          if (r < 2 || !rec) continue; // warm-up
          const key = `${build}, ${threads}t`;
          const run = runs.get(key) ?? { wall: [], cpu: [], recs: [] };
          run.wall.push(wall);
          run.cpu.push((c.user + c.system) / 1000);
          run.recs.push(rec);
          runs.set(key, run);
        }
      }
    }
    console.log(`\n${label}: ${((2 * m * n * k) / 1e9).toFixed(3)} GFLOP`);
    for (const [key, run] of runs) {
      // the breakdown of the call with the median wall time (medians of each part would not add up)
      const order = run.wall
        .map((_, i) => i)
        .sort((x, y) => (run.wall[x] ?? 0) - (run.wall[y] ?? 0));
      const mid = order[order.length >> 1] ?? 0;
      const rec = run.recs[mid];
      const wall = run.wall[mid] ?? Number.NaN;
      if (!rec) continue;
      const f = (x: number | undefined) => (x ?? Number.NaN).toFixed(2);
      let line = `  ${key.padEnd(18)} ${f(wall).padStart(7)} ms (${((2 * m * n * k) / (wall * 1e6)).toFixed(1)} GFLOP/s; process cpu ${f(run.cpu[mid])} ms; ${rec.threads} thread(s)): copy in ${f(rec.copyInMs)}, pack B ${f(rec.packMs)}, products ${f(rec.computeMs)}, copy out ${f(rec.copyOutMs)}`;
      const j = rec.job;
      if (j) {
        line += `\n${" ".repeat(21)}products job: chunks caller ${j.chunks[0]} / worker ${j.chunks[1]}; worker woke after ${f(j.wakeMs[0])}, busy ${f(j.workerMs[0])}; caller: output allocation ${f(j.duringMs)}, chunks ${f(j.callerMs)}, wait for the last chunk ${f(j.joinMs)}`;
      }
      console.log(line);
    }
  }
  console.log(`\nload average after: ${load()}`);
}

if (args.includes("--profile")) await profile();
else await rows();
process.exit(0);
