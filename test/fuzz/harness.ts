/**
 * The API fuzz harness: enumerates the public functions, classes and Tensor methods from the package
 * exports (so new ones are covered without editing this file), calls them with random arguments, and
 * classifies what happens. A call may return, or throw a FluxionError whose message names the
 * function that was called; anything else (a raw TypeError/RangeError, an error naming another
 * function, a call that takes seconds) is a finding.
 */
import * as activations from "@fluxion/activations";
import * as core from "@fluxion/core";
import { FluxionError, Tensor } from "@fluxion/core";
import * as nn from "@fluxion/nn";

export type Callee =
  | { kind: "function"; name: string; fn: (...args: unknown[]) => unknown }
  | { kind: "class"; name: string; cls: new (...args: unknown[]) => unknown }
  | { kind: "method"; name: string };

/**
 * Exports the fuzz does not call, each with its reason. Everything else exported is fuzzed.
 */
export const skipped: Readonly<Record<string, string>> = {
  // changing process-wide state would leak into other tests; each has its own tests
  setBackend: "global state",
  registerBackend: "global state",
  setNumThreads: "global state",
  setDefaultDType: "global state",
  setDetectAnomaly: "global state",
  manualSeed: "global state (the default generator)",
  // defining ops adds to the global registry
  defineOp: "global registry",
  defineActivation: "global registry",
  markBuiltinOps: "global registry",
  // test helpers, not library API
  drawCase: "test helper",
  // private at the type level (TypeScript `private`), visible at run time
  writeInPlace: "private method",
  // a Symbol-keyed or non-callable export
};

/** Error-message names accepted for a callee whose errors legitimately come from what it calls. */
export const aliases: Readonly<Record<string, readonly string[]>> = {
  view: ["reshape"],
  to: ["cast"],
  float: ["cast"],
  double: ["cast"],
  int: ["cast"],
  variance: ["var"],
  std: ["std"],
  flatten: ["flatten", "reshape"],
  where: ["where"],
  zerosLike: ["full", "zerosLike"],
  onesLike: ["full", "onesLike"],
  fullLike: ["full", "fullLike"],
  valueAndGrad: ["valueAndGrad", "grad"],
  grad: ["grad", "valueAndGrad"],
  requiresGrad_: ["requiresGrad"],
  backward: ["backward"],
  // in-place methods report the op whose result they write
  add_: ["add", "mul"],
  sub_: ["sub", "mul"],
  mul_: ["mul"],
  div_: ["div"],
  zero_: ["fill_"],
  // a std/mean/var-style message may come from the shared reduction helpers
};

function isClass(f: unknown): f is new (...args: unknown[]) => unknown {
  return typeof f === "function" && /^class[\s{]/.test(Function.prototype.toString.call(f));
}

/** Every callable export of the three packages, and every Tensor method. */
export function callees(): Callee[] {
  const out: Callee[] = [];
  const seen = new Set<string>();
  for (const mod of [core, activations, nn] as Record<string, unknown>[]) {
    for (const [name, value] of Object.entries(mod)) {
      if (seen.has(name) || Object.hasOwn(skipped, name) || typeof value !== "function") continue;
      seen.add(name);
      if (isClass(value)) {
        if (value.prototype instanceof Error || value === Error) continue; // error classes
        out.push({ kind: "class", name, cls: value });
      } else out.push({ kind: "function", name, fn: value as (...args: unknown[]) => unknown });
    }
  }
  const methods = new Set<string>();
  for (
    let p: object | null = Tensor.prototype;
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    for (const key of Object.getOwnPropertyNames(p)) {
      if (key === "constructor" || key.startsWith("_") || Object.hasOwn(skipped, key)) continue;
      const d = Object.getOwnPropertyDescriptor(p, key);
      if (d && typeof d.value === "function") methods.add(key);
    }
  }
  for (const name of [...methods].sort()) out.push({ kind: "method", name });
  return out;
}

export type Outcome = { ok: true } | { ok: false; finding: string };

/** Whether `message` names `name` (or an accepted alias) as the function at fault. */
export function namesCallee(name: string, message: string): boolean {
  const names = [name, ...(aliases[name] ?? [])];
  return names.some((n) => new RegExp(`(^|[^A-Za-z])${n}([^A-Za-z]|$)`).test(message));
}

function describeArg(a: unknown): string {
  if (a instanceof Tensor)
    return `tensor(${a.dtype} ${JSON.stringify(a.shape)}${a.requiresGrad ? " rg" : ""}: ${JSON.stringify(Array.from(a.data()).slice(0, 6))})`;
  if (typeof a === "function") return "function";
  if (typeof a === "symbol") return "symbol";
  try {
    return (
      JSON.stringify(a, (_k, v) =>
        v instanceof Tensor
          ? `<tensor ${v.dtype} ${JSON.stringify(v.shape)}>`
          : typeof v === "number" && !Number.isFinite(v)
            ? String(v)
            : v,
      ) ?? String(a)
    );
  } catch {
    return String(a);
  }
}

export function describeCall(c: Callee, args: readonly unknown[]): string {
  const list = args.map(describeArg).join(", ");
  if (c.kind === "method")
    return `x.${c.name}(${list.slice(list.indexOf(",") + 1)}) with x = ${describeArg(args[0])}`;
  return `${c.kind === "class" ? "new " : ""}${c.name}(${list})`;
}

/** Seconds after which a call counts as a hang (every valid call here is on tiny inputs). */
export const HANG_SECONDS = 5;

/** Calls `c` with `args` (for a method, args[0] is the receiver) and classifies the outcome. */
export function probe(c: Callee, args: readonly unknown[]): Outcome {
  const t0 = performance.now();
  let result: unknown;
  try {
    if (c.kind === "function") result = c.fn(...args);
    else if (c.kind === "class") result = new c.cls(...args);
    else {
      const [self, ...rest] = args;
      if (!(self instanceof Tensor)) return { ok: true };
      const m = (self as unknown as Record<string, (...a: unknown[]) => unknown>)[c.name];
      result = m?.apply(self, rest);
    }
    if (result instanceof Promise) result.catch(() => undefined);
  } catch (e) {
    const seconds = (performance.now() - t0) / 1000;
    if (seconds > HANG_SECONDS)
      return { ok: false, finding: `took ${seconds.toFixed(1)} s, then threw` };
    if (!(e instanceof FluxionError)) {
      const err = e as Error;
      return { ok: false, finding: `raw ${err?.name ?? typeof e}: ${err?.message ?? String(e)}` };
    }
    if (!namesCallee(c.name, e.message))
      return { ok: false, finding: `message does not name ${c.name}: ${e.message}` };
    return { ok: true };
  }
  const seconds = (performance.now() - t0) / 1000;
  if (seconds > HANG_SECONDS) return { ok: false, finding: `took ${seconds.toFixed(1)} s` };
  if (result instanceof Tensor) {
    try {
      result.data();
    } catch (e) {
      return { ok: false, finding: `returned a broken tensor: ${(e as Error).message}` };
    }
    // a returned tensor must be self-consistent: an array shape of non-negative integers whose
    // product is its number of values
    const shape: unknown = result.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
      return { ok: false, finding: `returned a tensor with shape ${describeArg(shape)}` };
    const n = shape.reduce((a: number, b: number) => a * b, 1);
    if (result.data().length !== n)
      return {
        ok: false,
        finding: `returned a tensor of shape ${JSON.stringify(shape)} holding ${result.data().length} values`,
      };
  }
  return { ok: true };
}

/** Restores process-wide state a fuzzed call may have changed. */
export function restoreGlobals(backend: string): void {
  core.setBackend(backend);
  core.setDefaultDType("float32");
  core.setDetectAnomaly(false);
}
