// `tsx --experimental-wasm-relaxed-simd --conditions=@fluxion/source bench/src/matmul-only.ts`:
// the 1024² matmul rows of the bench alone (Fluxion's wasm builds on 1 and 2 threads, and
// TensorFlow.js wasm), timed interleaved, for quick kernel work.
import { listBackends } from "@fluxion/core";
import { fullTiming, timeInterleaved } from "./harness.js";
import { fluxion } from "./peers/fluxion.js";
import { tfjs } from "./peers/tfjs.js";
import { MATMUL_N } from "./workloads.js";

const gflops = (ms: number) => (2 * MATMUL_N ** 3) / (ms * 1e6);
const steps: { name: string; step: () => unknown }[] = [];
for (const b of ["wasm-relaxed", "wasm-simd128"].filter((x) => listBackends().includes(x))) {
  const impl = fluxion(b);
  for (const t of [1, 2]) {
    const step = await impl.matmul?.("NN", t);
    if (step) steps.push({ name: `fluxion-${b}, ${t} thread(s)`, step });
  }
}
const tf = tfjs("wasm");
const tfStep = await tf.matmul?.("NN");
if (tfStep) steps.push({ name: "tfjs-wasm (XNNPACK, 1 thread)", step: tfStep });
const ms = await timeInterleaved(
  steps.map((s) => s.step),
  fullTiming,
);
const tfMs = ms[ms.length - 1] ?? Number.NaN;
for (const [i, s] of steps.entries()) {
  const t = ms[i] ?? Number.NaN;
  console.log(
    `${s.name.padEnd(36)} ${gflops(t).toFixed(1).padStart(6)} GFLOP/s  ${(tfMs / t).toFixed(2)}× tfjs-wasm`,
  );
}
tf.dispose?.();
