/**
 * `pnpm bench [--quick] [--libs=fluxion-wasm,jax-js,...] [--only=mlp,tanh20,gelu]`: the workloads of issues 6 and 11
 * for Fluxion and its JavaScript peers in one run, timed interleaved (every run times each library
 * in turn, so a busy machine slows all alike), as a table of medians, ratios and the goals' status.
 * `pnpm bench` runs Node with --experimental-wasm-relaxed-simd, so that both builds of Fluxion's
 * wasm kernels run: `fluxion-wasm-relaxed` (fused multiply-add) and `fluxion-wasm-simd128`.
 */
import os from "node:os";
import { getNumThreads, listBackends } from "@fluxion/core";
import Table from "cli-table3";
import { fullTiming, quickTiming, type Step, timeInterleaved } from "./harness.js";
import { memoryCheck } from "./memory.js";
import { fluxion, usedActivations } from "./peers/fluxion.js";
import { type Impl, MATMUL_N } from "./workloads.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const libsArg = args.find((a) => a.startsWith("--libs="))?.slice("--libs=".length);
const onlyArg = args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const timing = quick ? quickTiming : fullTiming;

type WorkloadId = "matmul" | "matmul1t" | "matmulTN" | "matmulNT" | "mlp" | "tanh20" | "gelu";
const allWorkloads: { id: WorkloadId; label: string }[] = [
  { id: "matmul", label: "matmul 1024² A·B (GFLOP/s)" },
  { id: "matmul1t", label: "matmul 1024² A·B, 1 thread (GFLOP/s)" },
  { id: "matmulTN", label: "matmul 1024² Aᵀ·B (GFLOP/s)" },
  { id: "matmulNT", label: "matmul 1024² A·Bᵀ (GFLOP/s)" },
  { id: "mlp", label: "MLP 784-256-256-10 step, b128 (ms)" },
  { id: "tanh20", label: "20-layer tanh step, w128 b64 (ms)" },
  { id: "gelu", label: "GELU tanh fwd+grad, 10⁶ (ms)" },
];
/** `--only=mlp,tanh20` runs some workloads (ids as in the code: matmul, matmul1t, matmulTN, ...). */
const workloads = allWorkloads.filter((w) => !onlyArg || onlyArg.split(",").includes(w.id));
/** Peers too slow for a workload within the time budget (a single step takes seconds). */
const skip: Record<string, WorkloadId[]> = { "tfjs-cpu": ["matmulTN", "matmulNT"] };

/** Fluxion's backends to time: both wasm builds where this engine runs both, then the CPU one. */
function fluxionBackends(): string[] {
  const builds = ["wasm-relaxed", "wasm-simd128"].filter((b) => listBackends().includes(b));
  return [...(builds.length > 0 ? builds : ["wasm"]), "cpu"];
}

/** The peers by name, each loaded only when the run includes it. */
const PEERS: Record<string, () => Promise<Impl>> = {
  "jax-js": async () => (await import("./peers/jax.js")).jaxjs(),
  "tfjs-wasm": async () => (await import("./peers/tfjs.js")).tfjs("wasm"),
  "tfjs-cpu": async () => (await import("./peers/tfjs.js")).tfjs("cpu"),
};

async function makeImpls(): Promise<Impl[]> {
  const impls: Impl[] = [];
  const listed = libsArg?.split(",").filter((n) => n !== "");
  const known = [...fluxionBackends().map((b) => `fluxion-${b}`), ...Object.keys(PEERS)];
  // a family name selects its members: `fluxion-wasm` is both wasm builds, `tfjs` both backends
  const matches = (name: string, n: string) => n === name || n.startsWith(`${name}-`);
  const unknown = listed?.filter((name) => !known.some((n) => matches(name, n)));
  if (unknown?.length) {
    throw new Error(`pnpm bench: --libs names ${unknown.join(", ")}; known: ${known.join(", ")}`);
  }
  const want = (n: string) => !listed || listed.some((name) => matches(name, n));
  for (const b of fluxionBackends()) {
    if (listBackends().includes(b) && want(`fluxion-${b}`)) impls.push(fluxion(b));
  }
  for (const [name, load] of Object.entries(PEERS)) if (want(name)) impls.push(await load());
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
  const impls = await makeImpls();
  const results = new Map<string, Map<WorkloadId, number | string>>();
  for (const impl of impls) results.set(impl.name, new Map());
  const t0 = performance.now();
  const cpu = os.cpus()[0]?.model ?? "cpu";
  console.log(
    `Fluxion bench${quick ? " (quick)" : ""}: ${cpu}, ${os.cpus().length} cores, Node ${process.version}, relaxed SIMD ${listBackends().includes("wasm-relaxed") ? "on" : "off"}`,
  );
  console.log(
    `${getNumThreads()} thread(s) for Fluxion's large kernels; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; activations from @fluxion/activations: ${
      Object.entries(usedActivations)
        .filter(([, v]) => v)
        .map(([k]) => k)
        .join(", ") || "none (composed of core ops)"
    }; timing: ${timing.runs} interleaved runs of ${timing.runMs} ms per library`,
  );
  for (const w of workloads) {
    const timed: { impl: Impl; step: Step }[] = [];
    for (const impl of impls) {
      const row = results.get(impl.name);
      if (!row) continue;
      if (skip[impl.name]?.includes(w.id)) {
        row.set(w.id, "skipped (slow)");
        continue;
      }
      try {
        const step = await setup(impl, w.id);
        if (step) timed.push({ impl, step });
        else row.set(w.id, "n/a");
      } catch (e) {
        row.set(w.id, "error");
        process.stderr.write(`  ${impl.name} ${w.label}: ${e instanceof Error ? e.message : e}\n`);
      }
    }
    const ms = await timeInterleaved(
      timed.map((t) => t.step),
      timing,
    );
    for (const [i, { impl }] of timed.entries()) {
      const v = ms[i] ?? Number.NaN;
      results.get(impl.name)?.set(w.id, v);
      process.stderr.write(`  ${impl.name.padEnd(21)} ${w.label.padEnd(40)} ${cell(w.id, v)}\n`);
    }
  }
  for (const impl of impls) impl.dispose?.();

  const mine = impls.map((i) => i.name).filter((n) => n.startsWith("fluxion-wasm"));
  const peers = impls.map((i) => i.name).filter((n) => !n.startsWith("fluxion"));
  const ratioCols = mine.flatMap((f) => peers.map((p) => [f, p] as const));
  const short = (f: string) => f.replace("fluxion-wasm-", "").replace("fluxion-", "");
  const head = [
    "workload",
    ...impls.map((i) => i.name),
    "numpy",
    ...ratioCols.map(([f, p]) => `${short(f)} vs ${p}`),
  ];
  const table = new Table({ head, style: { head: [], border: [] } });
  const get = (lib: string, id: WorkloadId) => {
    const v = results.get(lib)?.get(id);
    return typeof v === "number" ? v : undefined;
  };
  /** peer time / Fluxion time (> 1: Fluxion faster). */
  const ratio = (f: string, p: string, id: WorkloadId) => {
    const a = get(f, id);
    const b = get(p, id);
    return a !== undefined && b !== undefined ? b / a : undefined;
  };
  for (const w of workloads) {
    table.push([
      w.label,
      ...impls.map((i) => cell(w.id, results.get(i.name)?.get(w.id))),
      "not measured",
      ...ratioCols.map(([f, p]) => {
        const r = ratio(f, p, w.id);
        return r === undefined ? "—" : `${r.toFixed(2)}×`;
      }),
    ]);
  }
  console.log(table.toString());
  console.log(
    '"X vs peer" = peer time / Fluxion time in this run (> 1: Fluxion is faster). numpy is not measured by this bench (see bench/README.md).',
  );

  const goals: [string, number, WorkloadId, string][] = [
    ["matmul 1024², one thread ≥ 1.0× tfjs-wasm (XNNPACK)", 1.0, "matmul1t", "tfjs-wasm"],
    ["matmul 1024², two threads ≥ 1.8× tfjs-wasm", 1.8, "matmul", "tfjs-wasm"],
    ["MLP step ≥ 1.5× jax-js", 1.5, "mlp", "jax-js"],
    ["20-layer tanh step ≥ 2× jax-js", 2.0, "tanh20", "jax-js"],
    ["GELU fwd+grad ≥ 1.5× jax-js", 1.5, "gelu", "jax-js"],
  ];
  const gt = new Table({
    head: ["goal (issue 11)", ...mine.flatMap((f) => [`${short(f)}: met`, "measured"])],
    style: { head: [], border: [] },
  });
  for (const [label, target, id, peer] of goals) {
    gt.push([
      id === "matmul" ? `${label} (${getNumThreads()} threads in use)` : label,
      ...mine.flatMap((f) => {
        const r = ratio(f, peer, id);
        return r === undefined ? ["n/a", "—"] : [r >= target ? "yes" : "no", `${r.toFixed(2)}×`];
      }),
    ]);
  }
  console.log(gt.toString());

  const ref = mine[0];
  if (ref) {
    const steps = quick ? 2000 : 10_000;
    const m = memoryCheck(ref.slice("fluxion-".length), steps);
    console.log(
      `flat-memory check (${ref}, ${m.steps} small MLP steps${m.gcBeforeSample ? ", sampled after gc" : ""}): JS heap start ${m.startMB.toFixed(1)} MB, end ${m.endMB.toFixed(1)} MB, max ${m.maxMB.toFixed(1)} MB; ArrayBuffers start ${m.buffersStartMB.toFixed(1)} MB, end ${m.buffersEndMB.toFixed(1)} MB, max ${m.buffersMaxMB.toFixed(1)} MB`,
    );
  }
  console.log(`total time ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
