// `tsx --experimental-wasm-relaxed-simd bench/src/cores-probe.ts [n]`: are this machine's cores
// independent, or SMT siblings sharing their vector units? Two threads (the main one and a worker)
// run Fluxion's one-thread float32 gemm on n×n matrices (default 128: about 80 µs a call, short
// enough that the scheduler rarely preempts one) in a loop for 4 s, logging when each call starts
// and ends on one clock. Calls that ran entirely while the other thread was also inside a call are
// compared with calls that ran alone: SMT siblings would make the overlapped ones about twice as
// slow; independent cores leave them as fast. Reads the kernels from the core package's generated
// module (the relaxed-SIMD build when the engine has it).
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";

// the few WebAssembly members used (the bench's type config declares no WebAssembly)
interface WasmApi {
  Memory: new (d: {
    initial: number;
    maximum: number;
    shared: true;
  }) => {
    readonly buffer: SharedArrayBuffer;
    grow(pages: number): number;
  };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: object,
  ) => { readonly exports: { gemm(...args: number[]): void } };
  validate(bytes: Uint8Array): boolean;
}
const WebAssembly = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

const n = Number(process.argv[2] ?? 128);
const generated = new URL(
  "../../packages/core/src/backend/wasm/kernels.generated.ts",
  import.meta.url,
);
const text = readFileSync(generated, "utf8");
const wasmBytes = (name: string) => {
  const m = text.match(new RegExp(`export const ${name} =([^;]*);`));
  const b64 = [...(m?.[1] ?? "").matchAll(/"([^"]*)"/g)].map((x) => x[1]).join("");
  return new Uint8Array(Buffer.from(b64, "base64"));
};
let bytes = wasmBytes("kernelsRelaxedSharedWasmBase64");
if (!WebAssembly.validate(bytes)) bytes = wasmBytes("kernelsSharedWasmBase64");
const memory = new WebAssembly.Memory({ initial: 256, maximum: 65536, shared: true });
const module = new WebAssembly.Module(bytes);
const bytesPerMatrix = n * n * 4;
const region = (t: number) => 65536 + t * (3 * bytesPerMatrix + (1 << 21));
const pages = Math.ceil(region(2) / 65536);
if (pages > 256) memory.grow(pages - 256);
const f32 = new Float32Array(memory.buffer);
for (let i = 0; i < region(2) / 4; i++) f32[i] = Math.sin(i);

// the loop both threads run (as source text, so the worker can run it too)
const loop = `(gemm, r, n, ms) => {
  const S = n * n * 4, out = [], origin = performance.timeOrigin, t0 = performance.now();
  while (performance.now() - t0 < ms) {
    const start = origin + performance.now();
    gemm(n, n, n, r, n, 1, r + S, n, 1, r + 2 * S, n, r + 3 * S);
    out.push(start, origin + performance.now());
  }
  return out;
}`;
type Loop = (gemm: unknown, r: number, n: number, ms: number) => number[];
const worker = new Worker(
  `const { workerData: d, parentPort } = require("node:worker_threads");
   const k = new WebAssembly.Instance(d.module, { env: { memory: d.memory, abort() {} } }).exports;
   const run = ${loop};
   parentPort.on("message", (ms) => parentPort.postMessage(run(k.gemm, d.region, d.n, ms)));`,
  { eval: true, workerData: { module, memory, region: region(1), n } },
);
const kernels = new WebAssembly.Instance(module, { env: { memory, abort() {} } }).exports;
const run = new Function(`return ${loop}`)() as Loop;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;
/** Durations of x's calls that the other thread's calls (y) covered > 95 % and < 5 % of. */
function split(x: number[], y: number[]) {
  const alone: number[] = [];
  const both: number[] = [];
  let j = 0;
  for (let i = 0; i + 1 < x.length; i += 2) {
    const s = x[i] as number;
    const e = x[i + 1] as number;
    while (j + 1 < y.length && (y[j + 1] as number) < s) j += 2;
    let covered = 0;
    for (let q = j; q + 1 < y.length && (y[q] as number) < e; q += 2)
      covered += Math.max(0, Math.min(e, y[q + 1] as number) - Math.max(s, y[q] as number));
    const frac = covered / (e - s);
    if (frac > 0.95) both.push(e - s);
    else if (frac < 0.05) alone.push(e - s);
  }
  return { alone, both };
}

const gflops = (ms: number) => ((2 * n ** 3) / (ms * 1e6)).toFixed(1);
for (let round = 0; round < 3; round++) {
  const other = new Promise<number[]>((resolve) => worker.once("message", resolve));
  worker.postMessage(4000);
  const mine = run(kernels.gemm, region(0), n, 4000);
  const theirs = await other;
  const a = split(mine, theirs);
  const b = split(theirs, mine);
  const alone = median([...a.alone, ...b.alone]);
  const both = median([...a.both, ...b.both]);
  const load = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
  console.log(
    `${n}³ gemm: ${a.alone.length + b.alone.length} calls alone, median ${(alone * 1000).toFixed(0)} µs (${gflops(alone)} GFLOP/s); ${a.both.length + b.both.length} calls while the other thread computed, median ${(both * 1000).toFixed(0)} µs (${gflops(both)} GFLOP/s each); ratio ${(both / alone).toFixed(2)}; load average ${load}`,
  );
}
process.exit(0);
