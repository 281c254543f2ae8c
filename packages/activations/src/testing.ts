/**
 * @fluxion/activations/testing: test specs for every op this package registers in core's registry
 * (the activations and their backward ops), derived from the definitions in list.ts: how to draw
 * valid inputs and whether the op is twice differentiable. The repository's registry-wide
 * property test iterates core's `listOps()` and looks each op up here.
 */
import { type DType, Generator, type Tensor, tensor } from "@fluxion/core";
import { activationList } from "./registry.js";
import type { ActivationCase, ActivationSpec } from "./spec.js";

export type { ActivationCase, ActivationSpec, InputDomain } from "./spec.js";

/**
 * Test specs by registry name, for every op @fluxion/activations registers.
 *
 * @example
 * const spec = activationSpecs.reluBackward;
 */
export const activationSpecs: Readonly<Record<string, ActivationSpec>> = Object.fromEntries(
  activationList.flatMap((a) => a.specs).map((s) => [s.op, s]),
);

/**
 * Draws a case's inputs (float64 by default) from their domains with a seeded generator.
 *
 * @example
 * const c = activationSpecs.gelu.cases[0];
 * if (c) gradcheck(c.apply, drawCase(c, 42));
 */
export function drawCase(c: ActivationCase, seed: number, dtype: DType = "float64"): Tensor[] {
  const rng = new Generator(seed);
  return c.inputs.map((d) => {
    const size = d.shape.reduce((a, b) => a * b, 1);
    const margin = d.margin ?? 0.05;
    const values = Array.from({ length: size }, () => {
      let v = d.min + (d.max - d.min) * rng.uniform();
      for (const p of d.avoid ?? []) {
        if (Math.abs(v - p) < margin) v = v < p ? p - margin : p + margin;
      }
      return v;
    });
    return tensor(Float64Array.from(values), { shape: d.shape, dtype });
  });
}
