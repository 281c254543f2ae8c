import { readFileSync } from "node:fs";
import { noGrad, type Tensor, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { clipGradNorm_ } from "../clip/clip-grad-norm.js";
import { BatchNorm1d } from "../layers/batch-norm.js";
import { Embedding } from "../layers/embedding.js";
import { LayerNorm } from "../layers/layer-norm.js";
import { cosineEmbeddingLoss } from "../losses/cosine-embedding-loss.js";
import { huberLoss } from "../losses/huber-loss.js";
import { klDiv } from "../losses/kl-div.js";
import { l1Loss } from "../losses/l1-loss.js";
import { marginRankingLoss } from "../losses/margin-ranking-loss.js";
import { smoothL1Loss } from "../losses/smooth-l1-loss.js";
import { softMarginLoss } from "../losses/soft-margin-loss.js";
import { Parameter } from "../module/parameter.js";
import { Adagrad } from "../optim/adagrad.js";
import { Adam } from "../optim/adam.js";
import { Adamax } from "../optim/adamax.js";
import { ExponentialLR } from "../optim/exponential-lr.js";
import { LambdaLR } from "../optim/lambda-lr.js";
import { LinearLR } from "../optim/linear-lr.js";
import { NAdam } from "../optim/nadam.js";
import { OneCycleLR } from "../optim/one-cycle-lr.js";
import type { BaseOptions, Optimizer } from "../optim/optimizer.js";
import { RAdam } from "../optim/radam.js";
import { ReduceLROnPlateau } from "../optim/reduce-lr-on-plateau.js";
import { RMSprop } from "../optim/rmsprop.js";
import { SequentialLR } from "../optim/sequential-lr.js";
import { SGD } from "../optim/sgd.js";

// Values computed by PyTorch in float64 (generate.py, run once; the JSON is committed so the
// tests need no PyTorch). Everything must agree to 1e-10, relative to max(1, |value|).
// biome-ignore lint/suspicious/noExplicitAny: the parsed JSON
const T: any = JSON.parse(readFileSync(new URL("./pytorch-goldens.json", import.meta.url), "utf8"));
const f64 = { dtype: "float64" } as const;
const nn = {
  Parameter,
  RMSprop,
  Adagrad,
  Adamax,
  NAdam,
  RAdam,
  SGD,
  Adam,
  LinearLR,
  ExponentialLR,
  LambdaLR,
  OneCycleLR,
  ReduceLROnPlateau,
  SequentialLR,
  LayerNorm,
  BatchNorm1d,
  Embedding,
  clipGradNorm_,
  l1Loss,
  smoothL1Loss,
  huberLoss,
  softMarginLoss,
  marginRankingLoss,
  cosineEmbeddingLoss,
  klDiv,
};
type Parameter_ = Parameter;
function cmp(name: string, got: number[], want: number[]): void {
  expect(got.length, name).toBe(want.length);
  got.forEach((g, i) => {
    const w = want[i] as number;
    if (!(Math.abs(g - w) <= 1e-10 * Math.max(1, Math.abs(w))))
      throw new Error(`${name}, element ${i}: Fluxion ${g}, PyTorch ${w}`);
  });
}
const flat = (t: Tensor) => Array.from(t.data());
const c = tensor([1.5, 0.5, 3], f64);
const d = tensor([0.3, -0.2, 0.1], f64);
function runOpt(make: (p: Parameter_) => Optimizer<BaseOptions>, steps = 10) {
  const p = new nn.Parameter(tensor([1, -2, 0.5], f64));
  const opt = make(p);
  const out: number[] = [];
  for (let s = 0; s < steps; s++) {
    opt.zeroGrad();
    p.mul(p).mul(c).add(p.mul(d)).sum().backward();
    opt.step();
    out.push(...flat(p));
  }
  return out;
}
const P = () => [new nn.Parameter(tensor([1], f64))];
/** A scheduler stepped without a metric, or ReduceLROnPlateau stepped with one. */
type Sched = { step(): void } | ReduceLROnPlateau;
function lrs(opt: Optimizer<BaseOptions>, s: Sched, steps: number, metric?: number[]) {
  const r = [opt.paramGroups.map((g) => g.lr)];
  const m: number[] = [];
  for (let i = 0; i < steps; i++) {
    if (s instanceof ReduceLROnPlateau) s.step(metric?.[i] ?? Number.NaN);
    else s.step();
    r.push(opt.paramGroups.map((g) => g.lr));
    const g0 = opt.paramGroups[0];
    const betas = g0 && "betas" in g0 ? g0.betas : undefined;
    const momentum = g0 && "momentum" in g0 ? g0.momentum : 0;
    m.push(Array.isArray(betas) ? Number(betas[0]) : Number(momentum));
  }
  return { lrs: r.flat(), mom: m };
}
const Ls = T.loss;
const x = tensor(Ls.x, f64).reshape([4, 5]);
const y = tensor(Ls.y, f64).reshape([4, 5]);
const lab = tensor([1, -1, 1, -1], f64);
function lg(name: string, fn: (a: Tensor) => Tensor) {
  const xx = x.detach().requiresGrad_();
  const v = fn(xx);
  v.sum().backward();
  cmp(`${name} value`, flat(v), Ls.cases[name].v);
  cmp(`${name} grad`, flat(xx.grad as Tensor), Ls.cases[name].g);
}
describe("agreement with PyTorch (float64)", () => {
  it("optimisers, step by step", () => {
    const O = T.opt;
    cmp(
      "RMSprop_plain",
      runOpt((p) => new nn.RMSprop([p])),
      O.RMSprop_plain.flat(),
    );
    cmp(
      "RMSprop_full",
      runOpt(
        (p) =>
          new nn.RMSprop([p], {
            lr: 0.01,
            alpha: 0.9,
            eps: 1e-6,
            weightDecay: 0.1,
            momentum: 0.9,
            centered: true,
          }),
      ),
      O.RMSprop_full.flat(),
    );
    cmp(
      "Adagrad",
      runOpt(
        (p) =>
          new nn.Adagrad([p], {
            lr: 0.1,
            lrDecay: 0.05,
            weightDecay: 0.1,
            initialAccumulatorValue: 0.2,
          }),
      ),
      O.Adagrad.flat(),
    );
    cmp(
      "Adamax",
      runOpt((p) => new nn.Adamax([p], { lr: 0.05, weightDecay: 0.1 })),
      O.Adamax.flat(),
    );
    cmp(
      "NAdam (PyTorch ≥ 2.0's rule)",
      runOpt((p) => new nn.NAdam([p], { lr: 0.05, weightDecay: 0.1, momentumDecay: 0.01 })),
      O.NAdam_fixed.flat(),
    );
    cmp(
      "RAdam",
      runOpt((p) => new nn.RAdam([p], { lr: 0.05, weightDecay: 0.1 })),
      O.RAdam.flat(),
    );
    // PyTorch 1.13 counts μₜ twice in NAdam's second term (fixed in 2.0): Fluxion follows 2.0
    const nadam = runOpt(
      (p) => new nn.NAdam([p], { lr: 0.05, weightDecay: 0.1, momentumDecay: 0.01 }),
    );
    expect(() => cmp("NAdam (1.13)", nadam, O.NAdam.flat())).toThrow();
  });

  it("learning-rate schedulers, epoch by epoch", () => {
    const S = T.sched;
    {
      const o = new nn.SGD(P(), { lr: 0.1 });
      cmp(
        "LinearLR",
        lrs(o, new nn.LinearLR(o, { startFactor: 0.25, endFactor: 0.9, totalIters: 4 }), 7).lrs,
        S.LinearLR.lrs.flat(),
      );
    }
    {
      const o = new nn.SGD(P(), { lr: 0.1 });
      cmp(
        "ExponentialLR",
        lrs(o, new nn.ExponentialLR(o, { gamma: 0.7 }), 6).lrs,
        S.ExponentialLR.lrs.flat(),
      );
    }
    {
      const o = new nn.SGD(P(), { lr: 0.1 });
      cmp("LambdaLR", lrs(o, new nn.LambdaLR(o, (e) => 1 / (1 + e)), 5).lrs, S.LambdaLR.lrs.flat());
    }
    {
      const o = new nn.SGD(P(), { lr: 0.1, momentum: 0.9 });
      const r = lrs(o, new nn.OneCycleLR(o, { maxLr: 1, totalSteps: 17 }), 17);
      cmp("OneCycle_cos lr", r.lrs, S.OneCycle_cos.lrs.flat());
      cmp("OneCycle_cos mom", r.mom, S.OneCycle_cos.mom);
    }
    {
      const o = new nn.Adam(P(), { lr: 0.1 });
      const r = lrs(
        o,
        new nn.OneCycleLR(o, {
          maxLr: 0.5,
          epochs: 3,
          stepsPerEpoch: 7,
          annealStrategy: "linear",
          threePhase: true,
          pctStart: 0.25,
          divFactor: 10,
          finalDivFactor: 50,
        }),
        21,
      );
      cmp("OneCycle_lin3 lr", r.lrs, S.OneCycle_lin3.lrs.flat());
      cmp("OneCycle_lin3 mom", r.mom, S.OneCycle_lin3.mom);
    }
    {
      const o = new nn.SGD(P(), { lr: 1 });
      cmp(
        "Plateau",
        lrs(
          o,
          new nn.ReduceLROnPlateau(o, {
            factor: 0.5,
            patience: 2,
            threshold: 0.01,
            cooldown: 1,
            minLr: 0.05,
          }),
          16,
          [5, 4, 4.99, 4.98, 4.97, 4.96, 3, 3, 3, 3, 3, 3, 3, 2.999, 3, 3],
        ).lrs,
        S.Plateau.lrs.flat(),
      );
    }
    {
      const o = new nn.SGD(P(), { lr: 1 });
      cmp(
        "PlateauMaxAbs",
        lrs(
          o,
          new nn.ReduceLROnPlateau(o, {
            mode: "max",
            factor: 0.3,
            patience: 0,
            threshold: 0.1,
            thresholdMode: "abs",
          }),
          6,
          [1, 1.05, 1.2, 1.25, 1.4, 1.45],
        ).lrs,
        S.PlateauMaxAbs.lrs.flat(),
      );
    }
    {
      const o = new nn.SGD(P(), { lr: 0.5 });
      const a = new nn.LinearLR(o, { startFactor: 0.1, totalIters: 3 });
      const b = new nn.ExponentialLR(o, { gamma: 0.8 });
      cmp(
        "Sequential",
        lrs(o, new nn.SequentialLR(o, [a, b], [4]), 9).lrs,
        S.Sequential.lrs.flat(),
      );
    }
    {
      const o = new nn.SGD(P(), { lr: 1 });
      const a = new nn.LinearLR(o, { startFactor: 0.5, totalIters: 3 });
      const b = new nn.ExponentialLR(o, { gamma: 0.9 });
      const r = [o.paramGroups[0]?.lr as number];
      for (let i = 0; i < 5; i++) {
        a.step();
        b.step();
        r.push(o.paramGroups[0]?.lr as number);
      }
      cmp("Chain", r, S.Chain);
    }
  });

  it("losses and their gradients, every reduction", () => {
    for (const red of ["mean", "sum", "none"] as const) {
      lg(`l1_${red}`, (a) => nn.l1Loss(a, y, { reduction: red }));
      lg(`smoothl1_${red}`, (a) => nn.smoothL1Loss(a, y, { reduction: red, beta: 0.7 }));
      lg(`huber_${red}`, (a) => nn.huberLoss(a, y, { reduction: red, delta: 1.3 }));
      lg(`softmargin_${red}`, (a) => nn.softMarginLoss(a, y.sign(), { reduction: red }));
      lg(`ranking_${red}`, (a) =>
        nn.marginRankingLoss(a.slice([null, 0]), y.slice([null, 0]), lab, {
          margin: 0.3,
          reduction: red,
        }),
      );
      lg(`cosemb_${red}`, (a) =>
        nn.cosineEmbeddingLoss(a, y, lab, { margin: 0.2, reduction: red }),
      );
    }
    const logq = tensor(Ls.logq, f64).reshape([4, 5]);
    for (const red of ["mean", "batchmean", "sum", "none"] as const)
      for (const lt of [false, true]) {
        const k = `kl_${red}_${lt ? "True" : "False"}`;
        const t = tensor(Ls.cases[k].t, f64).reshape([4, 5]);
        const xx = logq.detach().requiresGrad_();
        const v = nn.klDiv(xx, t, { reduction: red, logTarget: lt });
        v.sum().backward();
        cmp(`${k} value`, flat(v), Ls.cases[k].v);
        cmp(`${k} grad`, flat(xx.grad as Tensor), Ls.cases[k].g);
      }
  });

  it("LayerNorm, BatchNorm1d, Embedding and clipGradNorm_", () => {
    {
      const ln = new nn.LayerNorm([5], { eps: 1e-3, dtype: "float64" });
      noGrad(() => {
        ln.weight?.copy_(tensor(T.ln.w, f64));
        ln.bias?.copy_(tensor(T.ln.b, f64));
      });
      const xx = x.detach().requiresGrad_();
      const v = ln.call(xx);
      v.mul(y).sum().backward();
      cmp("LayerNorm v", flat(v), T.ln.v);
      cmp("LayerNorm gx", flat(xx.grad as Tensor), T.ln.gx);
      cmp("LayerNorm gw", flat(ln.weight?.grad as Tensor), T.ln.gw);
    }
    {
      const bn = new nn.BatchNorm1d(5, { momentum: 0.2, dtype: "float64" });
      for (let k = 0; k < 3; k++)
        cmp(`BN train ${k}`, flat(bn.call(x.mul(k + 1).add(k))), T.bn.train[k]);
      bn.eval();
      cmp("BN eval", flat(bn.call(y)), T.bn.eval);
      cmp("BN rm", flat(bn.runningMean as Tensor), T.bn.rm);
      cmp("BN rv", flat(bn.runningVar as Tensor), T.bn.rv);
      expect(bn.numBatchesTracked?.item()).toBe(T.bn.n);
    }
    {
      const bn3 = new nn.BatchNorm1d(2, { momentum: null, dtype: "float64" });
      const x3 = tensor(T.bn3.x, f64).reshape([3, 2, 4]);
      for (let k = 0; k < 2; k++) bn3.call(x3.mul(k + 2));
      cmp("BN3 rm", flat(bn3.runningMean as Tensor), T.bn3.rm);
      cmp("BN3 rv", flat(bn3.runningVar as Tensor), T.bn3.rv);
    }
    {
      const emb = nn.Embedding.fromPretrained(tensor(T.emb.w0, f64).reshape([6, 3]), {
        freeze: false,
        paddingIdx: 2,
        maxNorm: 1.5,
      });
      const v = emb.call(
        tensor(
          [
            [0, 2, 5],
            [2, 1, 0],
          ],
          { dtype: "int32" },
        ),
      );
      const coef = tensor(
        Array.from({ length: 18 }, (_, i) => i),
        f64,
      ).reshape([2, 3, 3]);
      v.mul(coef).sum().backward();
      cmp("Emb v", flat(v), T.emb.v);
      cmp("Emb w1", flat(emb.weight), T.emb.w1);
      cmp("Emb g", flat(emb.weight.grad as Tensor), T.emb.g);
    }
    {
      const ps = [new nn.Parameter(tensor([0, 0, 0], f64)), new nn.Parameter(tensor([0, 0], f64))];
      (ps[0] as Parameter_).grad = tensor([3, -4, 1], f64);
      (ps[1] as Parameter_).grad = tensor([12, 0.5], f64);
      const n = nn.clipGradNorm_(ps, 2, { normType: 3 });
      cmp("clip norm", [n.item()], [T.clip.norm]);
      cmp("clip g", [...flat(ps[0]?.grad as Tensor), ...flat(ps[1]?.grad as Tensor)], T.clip.g);
    }
  });
});
