/**
 * `pnpm bench [--quick] [--libs=fluxion-wasm,jax-js,...]`: issue 6's workloads for Fluxion and its
 * JavaScript peers in one run, as a table of medians, ratios and the goals' status.
 */
import os from "node:os";
import { getBackend, getNumThreads, listBackends } from "@fluxion/core";
import Table from "cli-table3";
import { fullTiming, quickTiming, timeStep } from "./harness.js";
import { memoryCheck } from "./memory.js";
import { fluxion, usedActivations } from "./peers/fluxion.js";
import { type Impl, MATMUL_N } from "./workloads.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const libsArg = args.find((a) => a.startsWith("--libs="))?.slice("--libs=".length);
const timing = quick ? quickTiming : fullTiming;

type WorkloadId = "matmul" | "matmul1t" | "matmulTN" | "matmulNT" | "mlp" | "tanh20" | "gelu";
const workloads: { id: WorkloadId; label: string; numpyMs?: number }[] = [
  {
    id: "matmul",
    label: "matmul 1024² A·B (GFLOP/s)",
    numpyMs: ((2 * MATMUL_N ** 3) / 69e9) * 1e3,
  },
  {
    id: "matmul1t",
    label: "matmul 1024² A·B, 1 thread (GFLOP/s)",
    numpyMs: ((2 * MATMUL_N ** 3) / 69e9) * 1e3,
  },
  { id: "matmulTN", label: "matmul 1024² Aᵀ·B (GFLOP/s)" },
  { id: "matmulNT", label: "matmul 1024² A·Bᵀ (GFLOP/s)" },
  { id: "mlp", label: "MLP 784-256-256-10 step, b128 (ms)", numpyMs: 6.4 },
  { id: "tanh20", label: "20-layer tanh step, w128 b64 (ms)", numpyMs: 4.9 },
  { id: "gelu", label: "GELU tanh fwd+grad, 10⁶ (ms)", numpyMs: 31 },
];
/** Peers too slow for a workload within the time budget (a single step takes seconds). */
const skip: Record<string, WorkloadId[]> = { "tfjs-cpu": ["matmulTN", "matmulNT"] };
/** Peers run on one thread in Node: their 1-thread matmul is their matmul. */
const sameAsMatmul = (impl: Impl) => !impl.name.startsWith("fluxion");

async function makeImpls(): Promise<Impl[]> {
  const impls: Impl[] = [];
  const want = (n: string) => !libsArg || libsArg.split(",").includes(n);
  for (const b of ["wasm", "cpu"]) {
    if (listBackends().includes(b) && want(`fluxion-${b}`)) impls.push(fluxion(b));
  }
  if (want("jax-js")) impls.push((await import("./peers/jax.js")).jaxjs());
  if (want("tfjs-wasm")) impls.push((await import("./peers/tfjs.js")).tfjs("wasm"));
  if (want("tfjs-cpu")) impls.push((await import("./peers/tfjs.js")).tfjs("cpu"));
  return impls;
}

function setup(impl: Impl, id: WorkloadId): Promise<() => unknown> | undefined {
  if (id === "matmul") return impl.matmul?.("NN");
  if (id === "matmul1t") return impl.matmul?.("NN", 1);
  if (id === "matmulTN") return impl.matmul?.("TN");
  if (id === "matmulNT") return impl.matmul?.("NT");
  return impl[id]?.();
}

const gflops = (ms: number) => (2 * MATMUL_N ** 3) / (ms * 1e6);
const isMatmul = (id: WorkloadId) => id.startsWith("matmul");
/** A table cell: GFLOP/s for matmul rows, else the median step time in ms. */
function cell(id: WorkloadId, ms: number | string | undefined): string {
  if (typeof ms !== "number") return ms ?? "—";
  const v = isMatmul(id) ? gflops(ms) : ms;
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

async function main(): Promise<void> {
  const defaultBackend = getBackend().name;
  const impls = await makeImpls();
  const results = new Map<string, Map<WorkloadId, number | string>>();
  const t0 = performance.now();
  console.log(
    `Fluxion bench${quick ? " (quick)" : ""}: ${os.cpus()[0]?.model ?? "cpu"}, ${os.cpus().length} cores, Node ${process.version}`,
  );
  console.log(
    `default backend: ${defaultBackend}, ${getNumThreads()} thread(s) for large kernels; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; activations from @fluxion/activations: ${
      Object.entries(usedActivations)
        .filter(([, v]) => v)
        .map(([k]) => k)
        .join(", ") || "none (composed of core ops)"
    }`,
  );
  for (const impl of impls) {
    const row = new Map<WorkloadId, number | string>();
    results.set(impl.name, row);
    for (const w of workloads) {
      if (w.id === "matmul1t" && sameAsMatmul(impl)) {
        row.set(w.id, row.get("matmul") ?? "—");
        continue;
      }
      if (skip[impl.name]?.includes(w.id)) {
        row.set(w.id, "skipped (slow)");
        continue;
      }
      try {
        const step = await setup(impl, w.id);
        if (!step) {
          row.set(w.id, "n/a");
          continue;
        }
        const ms = await timeStep(step, timing);
        row.set(w.id, ms);
        process.stderr.write(`  ${impl.name.padEnd(13)} ${w.label.padEnd(40)} ${cell(w.id, ms)}\n`);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        row.set(w.id, "error");
        process.stderr.write(`  ${impl.name} ${w.label}: ${msg}\n`);
      }
    }
    impl.dispose?.();
  }

  const ref = `fluxion-${defaultBackend}`;
  const peers = impls.map((i) => i.name).filter((n) => !n.startsWith("fluxion"));
  const head = ["workload", ...impls.map((i) => i.name), "numpy*", ...peers.map((p) => `vs ${p}`)];
  const table = new Table({ head, style: { head: [], border: [] } });
  for (const w of workloads) {
    const mine = results.get(ref)?.get(w.id);
    table.push([
      w.label,
      ...impls.map((i) => cell(w.id, results.get(i.name)?.get(w.id))),
      w.numpyMs === undefined ? "—" : cell(w.id, w.numpyMs),
      ...peers.map((p) => {
        const theirs = results.get(p)?.get(w.id);
        if (typeof mine !== "number" || typeof theirs !== "number") return "—";
        return `${(theirs / mine).toFixed(2)}×`;
      }),
    ]);
  }
  console.log(table.toString());
  console.log(
    `"vs peer" = peer time / ${ref} time in this run (> 1: Fluxion is faster). *numpy + OpenBLAS, 1 thread: issue 6's figures, not measured here.`,
  );

  const get = (lib: string, id: WorkloadId) => {
    const v = results.get(lib)?.get(id);
    return typeof v === "number" ? v : undefined;
  };
  const goals: [string, boolean | undefined, string][] = [];
  const mlp = get(ref, "mlp");
  const jaxMlp = get("jax-js", "mlp");
  const tfwMlp = get("tfjs-wasm", "mlp");
  const mm = get(ref, "matmul");
  const tanh = get(ref, "tanh20");
  const gelu = get(ref, "gelu");
  const r = (a?: number, b?: number) => (a && b ? b / a : undefined);
  const fmt = (x?: number, d = 2) => (x === undefined ? "n/a" : x.toFixed(d));
  const mlpJax = r(mlp, jaxMlp);
  const mlpTf = r(mlp, tfwMlp);
  goals.push([
    "MLP step ≥ 1.7× faster than jax-js",
    mlpJax !== undefined && mlpJax >= 1.7,
    `${fmt(mlpJax)}×`,
  ]);
  goals.push([
    "MLP step ≥ 10× faster than tfjs-wasm",
    mlpTf !== undefined && mlpTf >= 10,
    `${fmt(mlpTf)}×`,
  ]);
  const mm1 = get(ref, "matmul1t");
  goals.push([
    "matmul 1024 ≥ 25 GFLOP/s (1 thread)",
    mm1 !== undefined && gflops(mm1) >= 25,
    `${fmt(mm1 && gflops(mm1), 1)} GFLOP/s`,
  ]);
  goals.push([
    `matmul 1024 ≥ 45 GFLOP/s (2 threads; ${getNumThreads()} in use)`,
    mm !== undefined && getNumThreads() >= 2 && gflops(mm) >= 45,
    `${fmt(mm && gflops(mm), 1)} GFLOP/s`,
  ]);
  goals.push([
    "GELU fwd+grad ≤ numpy/3 (≤ 10.3 ms)",
    gelu !== undefined && gelu <= 31 / 3,
    `${fmt(gelu)} ms`,
  ]);
  goals.push([
    "20-layer tanh step ≤ 2× numpy (≤ 9.8 ms)",
    tanh !== undefined && tanh <= 9.8,
    `${fmt(tanh)} ms`,
  ]);
  const gt = new Table({
    head: ["goal (issue 6)", "met", "measured"],
    style: { head: [], border: [] },
  });
  for (const [g, ok, v] of goals) gt.push([g, ok ? "yes" : "no", v]);
  console.log(gt.toString());

  const steps = quick ? 2000 : 10_000;
  const m = memoryCheck(defaultBackend, steps);
  console.log(
    `flat-memory check (${ref}, ${m.steps} small MLP steps${m.gcBeforeSample ? ", sampled after gc" : ""}): JS heap start ${m.startMB.toFixed(1)} MB, end ${m.endMB.toFixed(1)} MB, max ${m.maxMB.toFixed(1)} MB; ArrayBuffers start ${m.buffersStartMB.toFixed(1)} MB, end ${m.buffersEndMB.toFixed(1)} MB, max ${m.buffersMaxMB.toFixed(1)} MB`,
  );
  console.log(`total time ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
