import type { Module } from "./module.js";

/**
 * Called after `forward` with the module, its inputs and its output; returning a value other than
 * undefined replaces the output (PyTorch's `register_forward_hook`).
 */
export type ForwardHook = (module: Module, inputs: unknown[], output: unknown) => unknown;

/**
 * Called before `forward` with the module and its inputs; returning an array (or a single value)
 * replaces the inputs (PyTorch's `register_forward_pre_hook`).
 */
export type ForwardPreHook = (module: Module, inputs: unknown[]) => unknown;

/** What registering a hook returns: `remove()` unregisters it. */
export interface RemovableHandle {
  /** Takes the hook out, so it is not called again (calling it twice is harmless). */
  remove(): void;
}

/** Adds `hook` to `list` and returns a handle that takes it out again. */
export function addHook<H>(list: H[], hook: H): RemovableHandle {
  list.push(hook);
  return {
    remove: () => {
      const i = list.indexOf(hook);
      if (i >= 0) list.splice(i, 1);
    },
  };
}
