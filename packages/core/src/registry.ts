import type { OpDef } from "./ops/define-op.js";

/**
 * The op registry: every op defined with `defineOp`, by name. It lives in a module of its own with
 * no runtime imports, so it exists before any op module runs, whatever file is imported first
 * (define-op, tensor and the ops import each other, and a registry declared inside define-op was
 * not yet initialised when an op defined itself during that cycle).
 */
export const registry = new Map<string, OpDef<never>>();

/** Every registered op definition, in registration order (tests, docs and plots iterate this). */
export function listOps(): OpDef<never>[] {
  return [...registry.values()];
}

/** The registered op named `name`, or undefined. */
export function getOp(name: string): OpDef<never> | undefined {
  return registry.get(name);
}
