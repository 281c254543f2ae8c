import fc from "fast-check";
import type { Tensor } from "../tensor/tensor.js";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import type { OpTestSpec } from "../testing/spec.js";
import { tril } from "./tril.js";

/** A matrix or a batch of them (rank 2–4) and a diagonal offset that may fall outside it. */
export const triangleCase = (f: (x: Tensor, diagonal: number) => Tensor) =>
  fc
    .tuple(
      arbTensor({
        shape: arbShape({ minRank: 2, maxRank: 4, maxDim: 4, maxSize: 48 }),
        min: -3,
        max: 3,
      }),
      fc.integer({ min: -4, max: 4 }),
    )
    .map(
      ([x, d]): OpCase => ({
        inputs: [x],
        call: (t) => f(t, d),
        shape: x.shape,
        label: `diagonal=${d}`,
      }),
    );

export const specs: readonly OpTestSpec[] = [
  { op: "tril", composite: true, cases: triangleCase(tril) },
];
