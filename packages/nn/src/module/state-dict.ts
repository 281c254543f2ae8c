import { ArgumentError, formatShape, noGrad, ShapeError, Tensor } from "@fluxion/core";
import { sameShape } from "../util/format.js";

/** Named tensors, keyed PyTorch-style by dotted paths such as `"0.weight"`. */
export type StateDict = Record<string, Tensor>;

/** Options of `Module.loadStateDict`. */
export interface LoadStateDictOptions {
  /** Missing or unexpected keys are errors (default true). Wrong shapes are always errors. */
  strict?: boolean;
}

/** What `loadStateDict` did not match (both empty after a strict load). */
export interface LoadStateDictResult {
  /** Keys the module expects that the state dict lacks (left unchanged). */
  missingKeys: string[];
  /** Keys of the state dict that the module has no tensor for (ignored). */
  unexpectedKeys: string[];
}

/**
 * Checks `state` against the live tensors `targets` (name → tensor) and copies every matching entry
 * in, under noGrad. Nothing is copied unless every check passes, so a failed load leaves the
 * module as it was.
 */
export function loadInto(
  owner: string,
  targets: ReadonlyMap<string, Tensor>,
  state: Readonly<Record<string, unknown>>,
  strict: boolean,
): LoadStateDictResult {
  const op = `loadStateDict (${owner})`;
  if (typeof state !== "object" || state === null)
    throw new ArgumentError(`${op}: stateDict must be an object of named tensors`);
  const given = Object.keys(state);
  const missingKeys = [...targets.keys()].filter((k) => !Object.hasOwn(state, k));
  const unexpectedKeys = given.filter((k) => !targets.has(k));
  const notTensors = given.filter((k) => targets.has(k) && !(state[k] instanceof Tensor));
  if (notTensors.length > 0)
    throw new ArgumentError(`${op}: entries that are not tensors: ${notTensors.join(", ")}`);
  const wrongShapes: string[] = [];
  for (const k of given) {
    const target = targets.get(k);
    const src = state[k] as Tensor;
    if (target && !sameShape(target.shape, src.shape))
      wrongShapes.push(
        `${k}: checkpoint has shape ${formatShape(src.shape)}, the module has ${formatShape(target.shape)}`,
      );
  }
  const problems: string[] = [];
  if (wrongShapes.length > 0) problems.push(`size mismatch for ${wrongShapes.join("; ")}`);
  if (strict && missingKeys.length > 0) problems.push(`missing key(s): ${missingKeys.join(", ")}`);
  if (strict && unexpectedKeys.length > 0)
    problems.push(`unexpected key(s): ${unexpectedKeys.join(", ")}`);
  if (problems.length > 0) {
    const Err = wrongShapes.length > 0 ? ShapeError : ArgumentError;
    throw new Err(`${op}: ${problems.join(" | ")}`);
  }
  noGrad(() => {
    for (const [k, target] of targets) {
      const src = state[k] as Tensor | undefined;
      if (src) target.copy_(src.to(target.dtype));
    }
  });
  return { missingKeys, unexpectedKeys };
}
