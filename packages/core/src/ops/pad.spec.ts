import fc from "fast-check";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import type { OpTestSpec } from "../testing/spec.js";
import { type PadMode, pad } from "./pad.js";

/** Amounts each mode accepts on an axis of size n: constant may crop, reflect stays below n. */
function arbAmount(mode: PadMode, n: number): fc.Arbitrary<number> {
  if (mode === "constant") return fc.integer({ min: -Math.min(n, 2), max: 2 });
  if (mode === "reflect") return fc.integer({ min: 0, max: Math.min(n - 1, 2) });
  if (mode === "circular") return fc.integer({ min: 0, max: Math.min(n, 2) });
  return fc.integer({ min: 0, max: 3 });
}

/** x, a mode, and (before, after) pairs for some trailing axes; constant crops kept ≥ 0 in size. */
const padCase = fc
  .tuple(
    arbShape({ minRank: 1, maxRank: 3, maxDim: 4, maxSize: 24 }),
    fc.constantFrom<PadMode>("constant", "reflect", "replicate", "circular"),
  )
  .chain(([shape, mode]) =>
    fc.integer({ min: 1, max: shape.length }).chain((k) => {
      const axes = shape.slice(shape.length - k).reverse();
      return fc
        .tuple(
          arbTensor({ shape, min: -3, max: 3 }),
          fc.tuple(
            ...axes.map((n) =>
              fc.tuple(arbAmount(mode, n), arbAmount(mode, n)).filter(([b, a]) => n + b + a >= 0),
            ),
          ),
          fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
        )
        .map(([x, pairs, value]): OpCase => {
          const amounts = pairs.flat();
          const out = [...shape];
          pairs.forEach(([b, a], j) => {
            const axis = shape.length - 1 - j;
            out[axis] = (out[axis] ?? 0) + b + a;
          });
          const options = mode === "constant" && value !== undefined ? { value } : { mode };
          return {
            inputs: [x],
            call: (t) => pad(t, amounts, options),
            shape: out,
            label: `pad=[${amounts}] ${JSON.stringify(options)}`,
          };
        });
    }),
  );

export const specs: readonly OpTestSpec[] = [{ op: "pad", composite: true, cases: padCase }];
