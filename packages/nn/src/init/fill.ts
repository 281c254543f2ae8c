import { defaultGenerator, type Generator, noGrad, type Tensor, tensor } from "@fluxion/core";

/** Writes `draw()` into every element of `t`, in place under noGrad; returns `t`. */
export function fillWith(t: Tensor, draw: () => number): Tensor {
  const values = new Float64Array(t.size);
  for (let i = 0; i < values.length; i++) values[i] = draw();
  noGrad(() => t.copy_(tensor(values, { shape: t.shape }).to(t.dtype)));
  return t;
}

/** The generator to draw from: the given one or core's default. */
export function generatorOr(g: Generator | undefined): Generator {
  return g ?? defaultGenerator;
}
