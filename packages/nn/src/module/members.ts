import type { Tensor } from "@fluxion/core";
import { isParameter } from "./parameter.js";

/** A direct member of a module: one of its parameters or one of its sub-modules. */
export type Member<M> =
  | { name: string; kind: "parameter"; value: Tensor }
  | { name: string; kind: "module"; value: M };

/**
 * The parameters and sub-modules a module holds directly, found by walking its own enumerable
 * properties in definition order: a parameter tensor, a module, or an array of them (named
 * `key.0`, `key.1`, … like PyTorch's `ModuleList`/`ParameterList`).
 */
export function directMembers<M extends object>(
  owner: object,
  isModule: (v: unknown) => v is M,
): Member<M>[] {
  const out: Member<M>[] = [];
  const visit = (name: string, v: unknown) => {
    if (isModule(v)) out.push({ name, kind: "module", value: v });
    else if (isParameter(v)) out.push({ name, kind: "parameter", value: v });
  };
  for (const key of Object.keys(owner)) {
    const v = (owner as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) visit(`${key}.${i}`, item);
    } else visit(key, v);
  }
  return out;
}
