import type { AnyOpDef } from "./ops/define-op.js";

/** The op registry: every op defined with `defineOp`, by name, in registration order. */
export const registry = new Map<string, AnyOpDef>();

/**
 * Every registered op definition, in registration order (tests, docs and plots iterate this).
 *
 * @example
 * listOps().map((def) => def.name); // ["abs", "add", …, "matmul", …]
 */
export function listOps(): AnyOpDef[] {
  return [...registry.values()];
}

/**
 * The registered op named `name`, or undefined.
 *
 * @example
 * getOp("matmul")?.name; // "matmul"
 * getOp("nope"); // undefined
 */
export function getOp(name: string): AnyOpDef | undefined {
  return registry.get(name);
}

/** Names of the ops Fluxion's own packages define: these cannot be redefined. */
const builtinOps = new Set<string>();

/**
 * Marks every op registered so far as built in (`defineOp` then refuses to redefine it). Each
 * Fluxion package's entry calls this after its op modules have run.
 * @internal
 */
export function markBuiltinOps(): void {
  for (const name of registry.keys()) builtinOps.add(name);
}

/**
 * Whether `name` is an op of Fluxion's own packages, which `defineOp` refuses to redefine.
 *
 * @example
 * isBuiltinOp("matmul"); // true
 * isBuiltinOp("myOp"); // false
 */
export function isBuiltinOp(name: string): boolean {
  return builtinOps.has(name);
}
