// Profiling helper: runs the 20-layer tanh step in a loop (node --cpu-prof via tsx).
import { fluxion } from "./peers/fluxion.js";

const step = await fluxion(process.argv[2] ?? "wasm").tanh20?.();
if (!step) throw new Error("no tanh20");
for (let i = 0; i < 20; i++) step();
const t0 = performance.now();
const n = 200;
for (let i = 0; i < n; i++) step();
console.log(`${((performance.now() - t0) / n).toFixed(2)} ms/step`);
