// Profiling helper: `node --cpu-prof --import tsx --conditions=@fluxion/source bench/src/profile.ts
// <mlp|tanh20|gelu> [backend]` (THREADS=n to limit threads) runs one Fluxion workload in a loop and prints the mean step time.
import { setNumThreads } from "@fluxion/core";
import { fluxion } from "./peers/fluxion.js";

// THREADS=n limits large kernels to n threads (default: all cores).
if (process.env.THREADS) setNumThreads(Number(process.env.THREADS));

const workload = (process.argv[2] ?? "tanh20") as "mlp" | "tanh20" | "gelu";
const step = await fluxion(process.argv[3] ?? "wasm")[workload]?.();
if (!step) throw new Error(`no workload ${workload}`);
for (let i = 0; i < 20; i++) step();
const t0 = performance.now();
const n = 100;
for (let i = 0; i < n; i++) step();
console.log(`${workload}: ${((performance.now() - t0) / n).toFixed(2)} ms/step`);
