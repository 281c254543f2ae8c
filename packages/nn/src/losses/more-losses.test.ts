import {
  ArgumentError,
  DTypeError,
  Generator,
  gradcheck,
  gradgradcheck,
  rand,
  randn,
  ShapeError,
  type Tensor,
  tensor,
} from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { expectClose, flat } from "../test-utils/close.js";
import { type Red, reduceRef } from "../test-utils/reference-losses.js";
import { cosineEmbeddingLoss } from "./cosine-embedding-loss.js";
import { huberLoss } from "./huber-loss.js";
import { klDiv } from "./kl-div.js";
import { l1Loss } from "./l1-loss.js";
import { marginRankingLoss } from "./margin-ranking-loss.js";
import {
  CosineEmbeddingLoss,
  HuberLoss,
  KLDivLoss,
  L1Loss,
  MarginRankingLoss,
  SmoothL1Loss,
  SoftMarginLoss,
} from "./modules.js";
import { smoothL1Loss } from "./smooth-l1-loss.js";
import { softMarginLoss } from "./soft-margin-loss.js";

const reductions: Red[] = ["mean", "sum", "none"];
const f64 = { dtype: "float64" } as const;
const gen = (s: number) => ({ ...f64, generator: new Generator(s) });
// differences spread over both sides of β = δ = 1 and 0.5
const x = randn([3, 4], gen(1)).mul(2);
const y = randn([3, 4], gen(2));
const diffs = flat(x).map((v, i) => v - (flat(y)[i] as number));

describe("l1Loss, smoothL1Loss, huberLoss (PyTorch's definitions, by hand)", () => {
  for (const reduction of reductions) {
    it(`l1Loss, ${reduction}`, () => {
      expectClose(l1Loss(x, y, { reduction }), reduceRef(diffs.map(Math.abs), reduction));
    });
    for (const beta of [1, 0.5, 0]) {
      it(`smoothL1Loss beta ${beta}, ${reduction}`, () => {
        const ref = diffs.map((d) =>
          Math.abs(d) < beta ? (0.5 * d * d) / beta : Math.abs(d) - 0.5 * beta,
        );
        expectClose(smoothL1Loss(x, y, { beta, reduction }), reduceRef(ref, reduction));
      });
    }
    for (const delta of [1, 0.5, 3]) {
      it(`huberLoss delta ${delta}, ${reduction}`, () => {
        const ref = diffs.map((d) =>
          Math.abs(d) < delta ? 0.5 * d * d : delta * (Math.abs(d) - 0.5 * delta),
        );
        expectClose(huberLoss(x, y, { delta, reduction }), reduceRef(ref, reduction));
      });
    }
  }

  it("match small hand-computed values", () => {
    const a = tensor([0, 0, 0], f64);
    const b = tensor([0.5, 3, -2], f64);
    expectClose(l1Loss(a, b), 5.5 / 3);
    expectClose(smoothL1Loss(a, b), (0.125 + 2.5 + 1.5) / 3);
    expectClose(huberLoss(a, b, { delta: 2 }), (0.125 + 2 * 2 + 2 * 1) / 3);
    // huber(δ) = δ · smoothL1(β = δ)
    expectClose(
      huberLoss(x, y, { delta: 0.7, reduction: "sum" }).item(),
      0.7 * smoothL1Loss(x, y, { beta: 0.7, reduction: "sum" }).item(),
    );
  });

  it("pass gradcheck and gradgradcheck", () => {
    for (const f of [
      (p: Tensor, q: Tensor) => l1Loss(p, q, { reduction: "none" }),
      (p: Tensor, q: Tensor) => smoothL1Loss(p, q, { beta: 0.5 }),
      (p: Tensor, q: Tensor) => huberLoss(p, q, { delta: 0.5, reduction: "sum" }),
    ]) {
      gradcheck(f, [x, y]);
      gradgradcheck(f, [x, y]);
    }
  });

  it("reject bad arguments", () => {
    expect(() => smoothL1Loss(x, y, { beta: -1 })).toThrow(
      /smoothL1Loss: beta must be a finite non-negative number, got -1/,
    );
    expect(() => huberLoss(x, y, { delta: 0 })).toThrow(
      /huberLoss: delta must be a finite positive/,
    );
    expect(() => l1Loss(x, y.reshape([4, 3]))).toThrow(ShapeError);
    expect(() => l1Loss(x, y.reshape([4, 3]))).toThrow(/l1Loss: target has shape \[4, 3\]/);
    expect(() => huberLoss(x, y.float())).toThrow(DTypeError);
    expect(() => l1Loss(x, y, { reduction: "batchmean" as "mean" })).toThrow(ArgumentError);
  });
});

describe("klDiv", () => {
  const logQ = randn([3, 4], gen(3))
    .logSumExp(-1, true)
    .neg()
    .add(randn([3, 4], gen(3)));
  const pRaw = rand([3, 4], gen(4));
  const p = pRaw.div(pRaw.sum(-1, true));
  const lq = flat(logQ);
  const pv = flat(p);

  for (const reduction of ["mean", "batchmean", "sum", "none"] as const)
    for (const logTarget of [false, true])
      it(`${reduction}, logTarget ${logTarget}`, () => {
        const t = logTarget ? p.log() : p;
        const pointwise = pv.map((pi, i) => pi * (Math.log(pi) - (lq[i] as number)));
        const want =
          reduction === "batchmean"
            ? [pointwise.reduce((s, v) => s + v, 0) / 3]
            : reduceRef(pointwise, reduction);
        expectClose(klDiv(logQ, t, { reduction, logTarget }), want);
      });

  it("is 0·log 0 = 0 where the target is 0, with finite gradients", () => {
    const input = tensor([Math.log(0.5), Math.log(0.5)], { ...f64, requiresGrad: true });
    const target = tensor([0, 1], f64);
    const loss = klDiv(input, target, { reduction: "sum" });
    expectClose(loss, -Math.log(0.5));
    loss.backward();
    expect(flat(input.grad as Tensor)).toEqual([-0, -1]);
    expect(flat(klDiv(tensor([0.3]), tensor([0]), { reduction: "none" }))).toEqual([0]);
  });

  it("batchmean divides by the batch size: the true KL divergence of each row, averaged", () => {
    const logQ2 = tensor([[0.25, 0.75]], f64).log();
    const kl = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
    expectClose(klDiv(logQ2, tensor([[0.5, 0.5]], f64), { reduction: "batchmean" }), kl);
  });

  it("passes gradcheck and gradgradcheck for both input and target", () => {
    gradcheck((a, b) => klDiv(a, b, { reduction: "batchmean" }), [logQ, p]);
    gradgradcheck((a, b) => klDiv(a, b, { reduction: "sum" }), [logQ, p]);
    gradcheck((a, b) => klDiv(a, b, { logTarget: true }), [logQ, p.log()]);
    gradgradcheck((a, b) => klDiv(a, b, { logTarget: true, reduction: "none" }), [logQ, p.log()]);
  });

  it("rejects unknown reductions", () => {
    expect(() => klDiv(logQ, p, { reduction: "avg" as "mean" })).toThrow(
      /klDiv: reduction must be "mean", "batchmean", "sum" or "none", got "avg"/,
    );
  });
});

describe("softMarginLoss", () => {
  const s = randn([6], gen(5)).mul(3);
  const labels = tensor([1, -1, 1, 1, -1, -1], f64);
  for (const reduction of reductions)
    it(reduction, () => {
      const ref = flat(s).map((v, i) => Math.log1p(Math.exp(-v * (flat(labels)[i] as number))));
      expectClose(softMarginLoss(s, labels, { reduction }), reduceRef(ref, reduction));
    });
  it("stays finite for large margins and passes gradcheck and gradgradcheck", () => {
    expectClose(softMarginLoss(tensor([-800], f64), tensor([1], f64)), 800);
    expectClose(softMarginLoss(tensor([800], f64), tensor([1], f64)), 0, { atol: 1e-300 });
    gradcheck((a, b) => softMarginLoss(a, b), [s, labels]);
    gradgradcheck((a, b) => softMarginLoss(a, b, { reduction: "sum" }), [s, labels]);
  });
});

describe("marginRankingLoss", () => {
  const a = randn([5], gen(6));
  const b = randn([5], gen(7));
  const labels = tensor([1, -1, -1, 1, 1], f64);
  for (const reduction of reductions)
    for (const margin of [0, 0.5])
      it(`${reduction}, margin ${margin}`, () => {
        const ref = flat(a).map((ai, i) =>
          Math.max(0, -(flat(labels)[i] as number) * (ai - (flat(b)[i] as number)) + margin),
        );
        expectClose(
          marginRankingLoss(a, b, labels, { margin, reduction }),
          reduceRef(ref, reduction),
        );
      });
  it("matches a hand-computed value and passes gradcheck", () => {
    const one = tensor([1, 2], f64);
    const two = tensor([2, 1], f64);
    expectClose(marginRankingLoss(one, two, tensor([1, 1], f64), { margin: 0.5 }), 0.75);
    gradcheck((p, q) => marginRankingLoss(p, q, labels, { margin: 0.3, reduction: "sum" }), [a, b]);
    expect(() => marginRankingLoss(a, b, tensor([1, 1], f64))).toThrow(
      /marginRankingLoss: target has shape \[2\] but input has shape \[5\]/,
    );
  });
});

describe("cosineEmbeddingLoss", () => {
  const a = randn([4, 3], gen(8));
  const b = randn([4, 3], gen(9));
  const labels = tensor([1, -1, 1, -1], { dtype: "int32" });
  const rowsA = a.toArray() as number[][];
  const rowsB = b.toArray() as number[][];
  const cosRef = (u: number[], v: number[]) => {
    const dot = u.reduce((s, ui, i) => s + ui * (v[i] as number), 0);
    const nu = u.reduce((s, ui) => s + ui * ui, 0);
    const nv = v.reduce((s, vi) => s + vi * vi, 0);
    return dot / Math.sqrt(nu * nv);
  };
  for (const reduction of reductions)
    for (const margin of [0, -0.3, 0.2])
      it(`${reduction}, margin ${margin}`, () => {
        const ref = rowsA.map((u, n) => {
          const c = cosRef(u, rowsB[n] as number[]);
          return flat(labels)[n] === 1 ? 1 - c : Math.max(0, c - margin);
        });
        expectClose(
          cosineEmbeddingLoss(a, b, labels, { margin, reduction }),
          reduceRef(ref, reduction),
        );
      });

  it("handles a single pair, hand-computed cases, and passes gradcheck", () => {
    expectClose(cosineEmbeddingLoss(tensor([1, 0], f64), tensor([0, 1], f64), tensor(1, f64)), 1);
    expectClose(
      cosineEmbeddingLoss(tensor([[1, 1]], f64), tensor([[2, 2]], f64), tensor([-1], f64), {
        margin: 0.5,
      }),
      0.5,
    );
    gradcheck((p, q) => cosineEmbeddingLoss(p, q, labels, { margin: -0.3 }), [a, b]);
    gradgradcheck((p, q) => cosineEmbeddingLoss(p, q, labels, { reduction: "sum" }), [a, b]);
  });

  it("rejects bad shapes and labels", () => {
    expect(() => cosineEmbeddingLoss(a, b, tensor([1, 1], f64))).toThrow(
      /cosineEmbeddingLoss: target has 2 labels but the inputs have 4 rows/,
    );
    expect(() => cosineEmbeddingLoss(a, b, tensor([[1, 1, 1, 1]], f64))).toThrow(ShapeError);
    expect(() => cosineEmbeddingLoss(a, b, tensor([1, 0, 1, 1], f64))).toThrow(
      /target must hold only 1 and -1, found 0 at flat index 1/,
    );
  });
});

describe("loss modules", () => {
  it("call the functional forms with their options", () => {
    const l = tensor([1, -1, 1], f64);
    expectClose(
      new L1Loss({ reduction: "sum" }).call(x, y),
      l1Loss(x, y, { reduction: "sum" }).item(),
    );
    expectClose(
      new SmoothL1Loss({ beta: 0.5 }).call(x, y),
      smoothL1Loss(x, y, { beta: 0.5 }).item(),
    );
    expectClose(new HuberLoss({ delta: 2 }).call(x, y), huberLoss(x, y, { delta: 2 }).item());
    const lq = x.sub(x.logSumExp(-1, true));
    const pt = y.exp().div(y.exp().sum(-1, true));
    expectClose(
      new KLDivLoss({ reduction: "batchmean" }).call(lq, pt),
      klDiv(lq, pt, { reduction: "batchmean" }).item(),
    );
    const v = tensor([0.3, 2, -1], f64);
    expectClose(new SoftMarginLoss().call(v, l), softMarginLoss(v, l).item());
    const w = tensor([1, 1, 1], f64);
    expectClose(
      new MarginRankingLoss({ margin: 1 }).call(v, w, l),
      marginRankingLoss(v, w, l, { margin: 1 }).item(),
    );
    expectClose(
      new CosineEmbeddingLoss().call(x, y, tensor([1, -1, 1], f64)),
      cosineEmbeddingLoss(x, y, tensor([1, -1, 1], f64)).item(),
    );
    expect(String(new HuberLoss({ delta: 2 }))).toBe("HuberLoss(delta=2)");
  });
});
