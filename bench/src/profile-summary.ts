// Summarises a V8 CPU profile of bench/src/profile.ts: where a step's time goes on the calling
// thread. `tsx bench/src/profile-summary.ts <profile dir or .cpuprofile> [top]`: with a directory
// (node --cpu-prof-dir), the main thread's profile (the first one written, `.0.001`) is read.
// Only samples inside the timed steps count (a stack through bench/src/peers/fluxion.ts, and the
// garbage collector after the first step); self time is bucketed by where the sampled function lives
// (wasm kernels, copies into and out of wasm memory, waiting for worker threads, garbage collection,
// CPU-backend JS kernels, the autodiff engine, op dispatch, …); then the `top` (default 15)
// functions by self time. Wasm functions are named from the kernels' export section.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  kernelsRelaxedSharedWasmBase64,
  kernelsSharedWasmBase64,
} from "../../packages/core/src/backend/wasm/kernels.generated.js";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Unsigned LEB128 at `pos`: [value, next position]. */
function leb(b: Uint8Array, pos: number): [number, number] {
  let v = 0;
  let shift = 0;
  let p = pos;
  for (;;) {
    const byte = b[p++] as number;
    v += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [v, p];
  }
}

/** Function index → export name, from a module's import and export sections. */
function exportNames(base64: string): Map<number, string> {
  const b = Buffer.from(base64, "base64");
  const names = new Map<number, string>();
  let importedFns = 0;
  let p = 8;
  while (p < b.length) {
    const id = b[p++] as number;
    let size: number;
    [size, p] = leb(b, p);
    const end = p + size;
    if (id === 2 || id === 7) {
      let count: number;
      let q: number;
      [count, q] = leb(b, p);
      for (let i = 0; i < count; i++) {
        let len: number;
        if (id === 2) {
          [len, q] = leb(b, q); // module
          q += len;
        }
        [len, q] = leb(b, q);
        const name = b.subarray(q, q + len).toString("utf8");
        q += len;
        const kind = b[q++] as number;
        if (id === 7) {
          let index: number;
          [index, q] = leb(b, q);
          if (kind === 0) names.set(index, name);
        } else if (kind === 0) {
          importedFns++;
          [, q] = leb(b, q);
        } else if (kind === 1) {
          q += 1; // reftype
          const flags = b[q++] as number;
          [, q] = leb(b, q);
          if (flags & 1) [, q] = leb(b, q);
        } else if (kind === 2) {
          const flags = b[q++] as number;
          [, q] = leb(b, q);
          if (flags & 1) [, q] = leb(b, q);
        } else if (kind === 3) q += 2;
      }
    }
    p = end;
  }
  void importedFns;
  return names;
}

const wasmNames = [
  exportNames(kernelsRelaxedSharedWasmBase64),
  exportNames(kernelsSharedWasmBase64),
];

/** The bucket a sampled function's self time belongs to. */
function bucket(f: CallFrame): string {
  const { functionName: fn, url } = f;
  if (fn === "(garbage collector)") return "garbage collection";
  if (url.startsWith("wasm://")) return "wasm kernels (calling thread)";
  if (url.includes("backend/wasm/threads")) return "waiting for worker threads";
  if (url.includes("backend/wasm/runtime") || url.includes("backend/buffer-pool"))
    return "copies in/out of wasm memory, output allocation";
  if (url.includes("backend/wasm/")) return "wasm backend dispatch (broadcast runs, fallbacks)";
  if (url.includes("backend/cpu/")) return "CPU-backend JS kernels (what wasm lacks)";
  if (url.includes("/autodiff/")) return "autodiff engine (topological sort, accumulation)";
  if (
    url.includes("/ops/define-op") ||
    url.includes("/ops/sum-to") ||
    url.includes("op-observer") ||
    url.includes("/shape.") ||
    url.includes("/dtype.")
  )
    return "op dispatch (defineOp: shape, dtype, node)";
  if (url.includes("/ops/") || url.includes("tensor") || url.includes("/activations/"))
    return "op functions, vjp rules, tensor methods";
  if (url.includes("/nn/")) return "optimiser / nn";
  if (url.includes("bench/")) return "bench step code";
  return `other (${fn || "anonymous"})`;
}

function mainProfile(path: string): string {
  if (!statSync(path).isDirectory()) return path;
  const files = readdirSync(path)
    .filter((f) => f.endsWith(".cpuprofile"))
    .sort();
  const first = files[0];
  if (first === undefined) throw new Error(`no .cpuprofile in ${path}`);
  return join(path, first);
}

const arg = process.argv[2];
if (!arg) throw new Error("usage: profile-summary.ts <profile dir or file> [top]");
const top = Number(process.argv[3] ?? 15);
const prof = JSON.parse(readFileSync(mainProfile(arg), "utf8")) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const inStep = new Map<number, boolean>();
function isInStep(id: number): boolean {
  let known = inStep.get(id);
  if (known === undefined) {
    const n = byId.get(id);
    const parent = parentOf.get(id);
    known =
      !!n?.callFrame.url.includes("bench/src/peers/fluxion") ||
      (parent !== undefined && isInStep(parent));
    inStep.set(id, known);
  }
  return known;
}
const buckets = new Map<string, number>();
const fns = new Map<string, number>();
let total = 0;
let started = false;
prof.samples.forEach((id, i) => {
  const n = byId.get(id);
  if (!n) return;
  const gc = n.callFrame.functionName === "(garbage collector)";
  if (isInStep(id)) started = true;
  else if (!(gc && started)) return;
  const us = prof.timeDeltas[i] ?? 0;
  const b = bucket(n.callFrame);
  total += us;
  buckets.set(b, (buckets.get(b) ?? 0) + us);
  const m = /^wasm-function\[(\d+)\]$/.exec(n.callFrame.functionName);
  const wasmName = m ? wasmNames.map((w) => w.get(Number(m[1]))).find((x) => x) : undefined;
  const name = m
    ? `wasm ${wasmName ?? n.callFrame.functionName}`
    : `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/.*\/(packages|bench)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
  fns.set(name, (fns.get(name) ?? 0) + us);
});
const pct = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
console.log(`${(total / 1000).toFixed(0)} ms sampled inside the steps (calling thread)`);
for (const [b, us] of [...buckets].sort((x, y) => y[1] - x[1]))
  console.log(`${pct(us).padStart(7)}  ${b}`);
console.log("top functions by self time:");
for (const [name, us] of [...fns].sort((x, y) => y[1] - x[1]).slice(0, top))
  console.log(`${pct(us).padStart(7)}  ${name}`);
