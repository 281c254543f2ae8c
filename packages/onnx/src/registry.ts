import { OnnxExportError } from "./errors.js";
import { builtinLowerings } from "./lowerings/index.js";
import type { OnnxLowering } from "./types.js";

const userLowerings = new Map<string, OnnxLowering<unknown>>();

/** Options of `registerOnnxLowering`. */
export interface RegisterOnnxLoweringOptions {
  /** Replace an existing lowering (a built-in one, or one registered before); default false. */
  readonly replace?: boolean;
}

/**
 * Declares how an op (a user op made with `defineOp`, or a built-in one to override) is written
 * in ONNX. `op` is the op's registry name or the op itself. The lowering adds nodes through its
 * context and returns the value holding the op's output.
 *
 * @example
 * const cube = defineOp({ name: "cube", shape: ([x]) => x.shape, compute: ([x]) => x.mul(x).mul(x) });
 * registerOnnxLowering("cube", (ctx) => {
 *   const x = ctx.inputAs(0, ctx.output.dtype);
 *   return ctx.node("Pow", [x, ctx.scalar(3)]);
 * });
 */
export function registerOnnxLowering<A>(
  op: string | { readonly def: { readonly name: string } },
  lowering: OnnxLowering<A>,
  options: RegisterOnnxLoweringOptions = {},
): void {
  const name = typeof op === "string" ? op : op?.def?.name;
  if (typeof name !== "string" || name === "") {
    throw new OnnxExportError(
      `registerOnnxLowering: op must be an op name or an op made with defineOp, got ${String(op)}`,
    );
  }
  if (typeof lowering !== "function") {
    throw new OnnxExportError(
      `registerOnnxLowering: the lowering of "${name}" must be a function, got ${typeof lowering}`,
    );
  }
  if (!options.replace && (userLowerings.has(name) || builtinLowerings.has(name))) {
    throw new OnnxExportError(
      `registerOnnxLowering: "${name}" already has an ONNX lowering; pass { replace: true } to replace it`,
    );
  }
  userLowerings.set(name, lowering as OnnxLowering<unknown>);
}

/**
 * Removes a lowering registered with `registerOnnxLowering` (the built-in one, if any, applies
 * again). Returns whether there was one.
 *
 * @example
 * unregisterOnnxLowering("cube");
 */
export function unregisterOnnxLowering(opName: string): boolean {
  return userLowerings.delete(opName);
}

/** The lowering used for `opName`: a registered one first, then the built-in one. */
export function findOnnxLowering(opName: string): OnnxLowering<unknown> | undefined {
  return userLowerings.get(opName) ?? builtinLowerings.get(opName);
}

/**
 * Whether `opName` can be exported: it has a registered or built-in lowering.
 *
 * @example
 * hasOnnxLowering("relu"); // true
 */
export function hasOnnxLowering(opName: string): boolean {
  return findOnnxLowering(opName) !== undefined;
}
