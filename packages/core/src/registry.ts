import type { AnyOpDef } from "./ops/define-op.js";

/** The op registry: every op defined with `defineOp`, by name, in registration order. */
export const registry = new Map<string, AnyOpDef>();

/** Every registered op definition, in registration order (tests, docs and plots iterate this). */
export function listOps(): AnyOpDef[] {
  return [...registry.values()];
}

/** The registered op named `name`, or undefined. */
export function getOp(name: string): AnyOpDef | undefined {
  return registry.get(name);
}
