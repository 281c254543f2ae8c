// `tsx --experimental-wasm-relaxed-simd --conditions=@fluxion/source bench/src/matmul-only.ts
// [--quick] [--profile]`: the 1024² matmul rows of the bench alone (Fluxion's wasm builds on 1 and 2
// threads, and TensorFlow.js wasm), timed interleaved, for quick kernel work. `--profile` instead
// prints where each matmul's time goes (copies, packing, products, and per thread: chunks, wake-up,
// busy time, the caller's wait) at 1024² and at the MLP's sizes, forward and backward.
import { readFileSync } from "node:fs";
import { getBackend, listBackends, setBackend, setNumThreads } from "@fluxion/core";
import { fullTiming, median, quickTiming, timeInterleaved } from "./harness.js";
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
  const ms = await timeInterleaved(
    steps.map((s) => s.step),
    args.includes("--quick") ? quickTiming : fullTiming,
  );
  const tfMs = ms[ms.length - 1] ?? Number.NaN;
  for (const [i, s] of steps.entries()) {
    const t = ms[i] ?? Number.NaN;
    console.log(
      `${s.name.padEnd(36)} ${gflops(t).toFixed(1).padStart(6)} GFLOP/s  ${(tfMs / t).toFixed(2)}× tfjs-wasm`,
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
      const med = (f: (r: Record) => number) => median(run.recs.map(f)).toFixed(2);
      const wall = median(run.wall);
      const used = run.recs[0]?.threads ?? 1;
      let line = `  ${key.padEnd(18)} ${wall.toFixed(2).padStart(7)} wall (${((2 * m * n * k) / (wall * 1e6)).toFixed(1)} GFLOP/s, cpu ${median(run.cpu).toFixed(2)}, threads used ${used}): copy in ${med((r) => r.copyInMs)}, pack ${med((r) => r.packMs)}, products ${med((r) => r.computeMs)}, copy out ${med((r) => r.copyOutMs)}`;
      if (run.recs[0]?.job) {
        const j = (f: (x: NonNullable<Record["job"]>) => number) =>
          med((r) => (r.job ? f(r.job) : Number.NaN));
        line += `\n${" ".repeat(21)}last job: chunks caller/worker ${j((x) => x.chunks[0] ?? 0)}/${j((x) => x.chunks[1] ?? 0)}, worker woke after ${j((x) => x.wakeMs[0] ?? 0)}, worker busy ${j((x) => x.workerMs[0] ?? 0)}, caller: output alloc ${j((x) => x.duringMs)}, products ${j((x) => x.callerMs)}, waits ${j((x) => x.joinMs)}`;
      }
      console.log(line);
    }
  }
  console.log(`\nload average after: ${load()}`);
}

if (args.includes("--profile")) await profile();
else await rows();
process.exit(0);
