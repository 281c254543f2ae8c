// Profiling helper: `node --cpu-prof --cpu-prof-dir=DIR --import tsx --conditions=@fluxion/source
// bench/src/profile.ts <mlp|tanh20|gelu> [backend]` (THREADS=n to limit threads; STEPS=n, default
// 100) runs one Fluxion workload in a loop and prints the mean step time (wall clock, and the
// process's CPU time, which a busy machine disturbs less), then per step: backend kernel calls by
// kind, how many output arrays and megabytes the kernels made, and how many of those arrays were
// dead ones that backward gave back (backend/buffer-pool.ts) rather than new allocations, and the
// time per step inside each kind of backend call (copies in and out of wasm memory and the output
// array included; the rest of the step is op dispatch, autodiff and the step's own code).
// `bench/src/profile-summary.ts DIR` then says where the time went.
import { getBackend, setNumThreads } from "@fluxion/core";
import { outputPoolStats } from "../../packages/core/src/backend/buffer-pool.js";
import { fluxion } from "./peers/fluxion.js";

// THREADS=n limits large kernels to n threads (default: all cores).
if (process.env.THREADS) setNumThreads(Number(process.env.THREADS));

const workload = (process.argv[2] ?? "tanh20") as "mlp" | "tanh20" | "gelu";
const step = await fluxion(process.argv[3] ?? "wasm")[workload]?.();
if (!step) throw new Error(`no workload ${workload}`);
for (let i = 0; i < 20; i++) step();

// Count kernel calls and output bytes: wrap the active backend's methods (the backend object is
// the registry's own, so ops call the wrappers).
const counts = new Map<string, number>();
let outputs = 0;
let outputBytes = 0;
const be = getBackend() as unknown as Record<string, unknown>;
const original = new Map<string, unknown>();
for (const [key, fn] of Object.entries(be)) {
  if (typeof fn !== "function") continue;
  original.set(key, fn);
  be[key] = (...args: unknown[]) => {
    const out = (fn as (...a: unknown[]) => unknown).apply(be, args);
    const label = typeof args[0] === "string" ? `${key}:${args[0]}` : key;
    counts.set(label, (counts.get(label) ?? 0) + 1);
    // a kernel returns one array, or several (activationWithGrad: f and f')
    for (const a of Array.isArray(out) ? out : [out]) {
      if (!ArrayBuffer.isView(a)) continue;
      outputs++;
      outputBytes += a.byteLength;
    }
    return out;
  };
}
const reused0 = outputPoolStats().reused;
step();
const reused = outputPoolStats().reused - reused0;
for (const [key, fn] of original) be[key] = fn;

const n = Number(process.env.STEPS ?? 100);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < n; i++) step();
const wall = (performance.now() - t0) / n;
const cpu = process.cpuUsage(cpu0);
console.log(
  `${workload}: ${wall.toFixed(2)} ms/step wall, ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms/step CPU (all threads)`,
);
console.log(
  `per step: ${outputs} kernel outputs, ${(outputBytes / 1e6).toFixed(2)} MB, ${reused} of them reusing a dead array; calls: ${[
    ...counts,
  ]
    .sort((a, b) => b[1] - a[1])
    .map(([k, c]) => `${k} ${c}`)
    .join(", ")}`,
);

// Time per step inside each kind of backend call, over another n steps (the wrappers cost a little:
// the total printed here is a bit above the step time above).
const times = new Map<string, number>();
let inside = false;
for (const [key, fn] of original) {
  be[key] = (...args: unknown[]) => {
    if (inside) return (fn as (...a: unknown[]) => unknown).apply(be, args);
    inside = true;
    const t = performance.now();
    try {
      return (fn as (...a: unknown[]) => unknown).apply(be, args);
    } finally {
      const label =
        key === "matmul"
          ? `matmul ${args[4] ? "T" : "N"}${args[5] ? "T" : "N"}`
          : typeof args[0] === "string"
            ? `${key}:${args[0]}`
            : key;
      times.set(label, (times.get(label) ?? 0) + performance.now() - t);
      inside = false;
    }
  };
}
const t1 = performance.now();
for (let i = 0; i < n; i++) step();
const timedWall = (performance.now() - t1) / n;
for (const [key, fn] of original) be[key] = fn;
const kernelMs = [...times.values()].reduce((a, b) => a + b, 0) / n;
console.log(
  `time per step in backend calls (µs): ${[...times]
    .sort((a, b) => b[1] - a[1])
    .map(([k, t]) => `${k} ${((t / n) * 1000).toFixed(0)}`)
    .join(
      ", ",
    )}; all calls ${(kernelMs * 1000).toFixed(0)} of ${(timedWall * 1000).toFixed(0)} (the rest: ops, autodiff, step code)`,
);
