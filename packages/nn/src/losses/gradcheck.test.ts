import { Generator, gradcheck, rand, randn, type Tensor, tensor } from "@fluxion/core";
import fc from "fast-check";
import { describe, it } from "vitest";
import { binaryCrossEntropy } from "./binary-cross-entropy.js";
import { binaryCrossEntropyWithLogits } from "./binary-cross-entropy-with-logits.js";
import { crossEntropy } from "./cross-entropy.js";
import { mseLoss } from "./mse.js";
import { nllLoss } from "./nll-loss.js";
import type { Reduction } from "./reduction.js";

// Float64 gradient checks of every loss (central differences against backward), over random
// shapes, values and options drawn by fast-check with a fixed seed.
const seed = Number(process.env.FC_SEED ?? 42);
const numRuns = 12;
const f64 = { dtype: "float64" } as const;

const problem = fc.record({
  n: fc.integer({ min: 1, max: 4 }),
  c: fc.integer({ min: 2, max: 4 }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  reduction: fc.constantFrom<Reduction>("mean", "sum", "none"),
  withWeight: fc.boolean(),
  smoothing: fc.constantFrom(0, 0.1, 0.5),
});

type Problem = {
  n: number;
  c: number;
  seed: number;
  reduction: Reduction;
  withWeight: boolean;
  smoothing: number;
};

function check(build: (p: Problem, g: Generator) => [(...xs: Tensor[]) => Tensor, Tensor[]]): void {
  fc.assert(
    fc.property(problem, (p) => {
      const g = new Generator(p.seed);
      const [f, inputs] = build(p, g);
      gradcheck(f, inputs);
    }),
    { seed, numRuns },
  );
}

/** Class labels in [0, c), with the first one ignored (−100) when asked. */
function labels(p: Problem, g: Generator, ignoreFirst: boolean): Tensor {
  const values = Array.from({ length: p.n }, () => g.integer(0, p.c));
  if (ignoreFirst && p.n > 1) values[0] = -100;
  return tensor(values, { dtype: "int32" });
}

describe("gradcheck of every loss (float64)", () => {
  it("crossEntropy with class indices (weight, ignoreIndex, labelSmoothing)", () =>
    check((p, g) => {
      const t = labels(p, g, p.withWeight);
      const x = randn([p.n, p.c], { ...f64, generator: g });
      const w = rand([p.c], { ...f64, generator: g }).add(0.5);
      return [
        (xx, ww) =>
          crossEntropy(xx as Tensor, t, {
            reduction: p.reduction,
            labelSmoothing: p.smoothing,
            weight: p.withWeight ? ww : undefined,
          }),
        [x, w],
      ];
    }));

  it("crossEntropy with class probabilities", () =>
    check((p, g) => {
      const x = randn([p.n, p.c], { ...f64, generator: g });
      const t = rand([p.n, p.c], { ...f64, generator: g });
      const w = rand([p.c], { ...f64, generator: g }).add(0.5);
      return [
        (xx, ww) =>
          crossEntropy(xx as Tensor, t, {
            reduction: p.reduction,
            labelSmoothing: p.smoothing,
            weight: p.withWeight ? ww : undefined,
          }),
        [x, w],
      ];
    }));

  it("nllLoss", () =>
    check((p, g) => {
      const t = labels(p, g, true);
      const x = randn([p.n, p.c], { ...f64, generator: g });
      const w = rand([p.c], { ...f64, generator: g }).add(0.5);
      return [
        (xx, ww) =>
          nllLoss(xx as Tensor, t, {
            reduction: p.reduction,
            weight: p.withWeight ? ww : undefined,
          }),
        [x, w],
      ];
    }));

  it("binaryCrossEntropy", () =>
    check((p, g) => {
      const x = rand([p.n, p.c], { ...f64, generator: g })
        .mul(0.9)
        .add(0.05);
      const y = rand([p.n, p.c], { ...f64, generator: g });
      const w = rand([p.c], { ...f64, generator: g }).add(0.5);
      return [
        (xx, ww) =>
          binaryCrossEntropy(xx as Tensor, y, {
            reduction: p.reduction,
            weight: p.withWeight ? ww : undefined,
          }),
        [x, w],
      ];
    }));

  it("binaryCrossEntropyWithLogits (weight, posWeight)", () =>
    check((p, g) => {
      const x = randn([p.n, p.c], { ...f64, generator: g }).mul(3);
      const y = rand([p.n, p.c], { ...f64, generator: g });
      const w = rand([p.n, p.c], { ...f64, generator: g }).add(0.5);
      const pw = rand([p.c], { ...f64, generator: g }).add(0.5);
      return [
        (xx, ww, pp) =>
          binaryCrossEntropyWithLogits(xx as Tensor, y, {
            reduction: p.reduction,
            weight: p.withWeight ? ww : undefined,
            posWeight: p.smoothing > 0 ? pp : undefined,
          }),
        [x, w, pw],
      ];
    }));

  it("mseLoss", () =>
    check((p, g) => {
      const x = randn([p.n, p.c], { ...f64, generator: g });
      const y = randn([p.n, p.c], { ...f64, generator: g });
      return [(xx, yy) => mseLoss(xx as Tensor, yy as Tensor, { reduction: p.reduction }), [x, y]];
    }));
});
