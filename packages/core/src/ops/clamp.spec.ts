import fc from "fast-check";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { clamp } from "./clamp.js";

/** clamp with a lower bound, an upper bound, or both; x is kept 0.01 away from each bound. */
const clampCase = fc
  .tuple(
    fc.option(fc.double({ min: -2, max: 0, noNaN: true }), { nil: undefined }),
    fc.option(fc.double({ min: 0.1, max: 2, noNaN: true }), { nil: undefined }),
  )
  .chain(([lo, hi]) =>
    arbTensor({
      shape: arbShape(small),
      min: -3,
      max: 3,
      avoid: [lo, hi].filter((b): b is number => b !== undefined),
      margin: 1e-2,
    }).map(
      (x): OpCase => ({
        inputs: [x],
        call: (t) => clamp(t, lo, hi),
        shape: x.shape,
        label: `min=${lo}, max=${hi}`,
      }),
    ),
  );

export const specs: readonly OpTestSpec[] = [{ op: "clamp", cases: clampCase }];
