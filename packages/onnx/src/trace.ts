import { noGrad, type OpCall, observeOps, Tensor } from "@fluxion/core";
import type { Module } from "@fluxion/nn";
import { OnnxExportError } from "./errors.js";

/** What one run of the forward pass did: its op calls (with module paths) and its outputs. */
export interface Trace {
  readonly calls: readonly OpCall[];
  /** The module path ("/fc1") active at each call; "" outside submodules. */
  readonly scopes: readonly string[];
  readonly outputs: readonly Tensor[];
}

/** A model to export: a Module (called with `call`) or a plain function of tensors. */
export type ExportableModel = Module | ((...inputs: Tensor[]) => unknown);

/** The model's result as a list of tensors, or an error saying what it returned. */
function outputsOf(result: unknown): Tensor[] {
  if (result instanceof Tensor) return [result];
  if (Array.isArray(result) && result.length > 0 && result.every((t) => t instanceof Tensor))
    return result;
  throw new OnnxExportError(
    `exportOnnx: the model must return a Tensor or a non-empty array of Tensors, got ${describe(result)}`,
  );
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `an array of ${v.length} items`;
  if (v === null) return "null";
  return typeof v === "object" ? (v.constructor?.name ?? "an object") : typeof v;
}

/**
 * Runs the forward pass once under `observeOps`, without recording a graph, with module hooks
 * that name each call's scope after the module path it runs in.
 */
export function traceForward(model: ExportableModel, inputs: readonly Tensor[]): Trace {
  const calls: OpCall[] = [];
  const scopes: string[] = [];
  const stack: string[] = [];
  const handles: { remove(): void }[] = [];
  if (typeof model !== "function") {
    for (const [path, m] of model.namedModules()) {
      if (path === "") continue;
      handles.push(
        m.registerForwardPreHook(() => {
          stack.push(`/${path.replaceAll(".", "/")}`);
        }),
        m.registerForwardHook(() => {
          stack.pop();
        }),
      );
    }
  }
  try {
    const result = noGrad(() =>
      observeOps(
        (call) => {
          calls.push(call);
          scopes.push(stack[stack.length - 1] ?? "");
        },
        () => (typeof model === "function" ? model(...inputs) : model.call(...inputs)),
      ),
    );
    return { calls, scopes, outputs: outputsOf(result) };
  } finally {
    for (const h of handles) h.remove();
  }
}
