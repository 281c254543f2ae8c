import { ArgumentError, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { Parameter } from "../module/parameter.js";
import { expectClose } from "../test-utils/close.js";
import { Adagrad } from "./adagrad.js";
import { Adam } from "./adam.js";
import { ExponentialLR } from "./exponential-lr.js";
import { LambdaLR } from "./lambda-lr.js";
import { LinearLR } from "./linear-lr.js";
import { OneCycleLR } from "./one-cycle-lr.js";
import type { BaseOptions, Optimizer } from "./optimizer.js";
import { ReduceLROnPlateau } from "./reduce-lr-on-plateau.js";
import { SequentialLR } from "./sequential-lr.js";
import { SGD } from "./sgd.js";
import { StepLR } from "./step-lr.js";

const param = () => new Parameter(tensor([1]));
const sgd = (lr: number, momentum = 0) => new SGD([param()], { lr, momentum });
const lrOf = (opt: Optimizer<BaseOptions>, group = 0) => opt.paramGroups[group]?.lr as number;

/** The learning rate after construction and after each of `steps` calls of `step`. */
function trace(opt: Optimizer<BaseOptions>, step: () => void, steps: number): number[] {
  const out = [lrOf(opt)];
  for (let i = 0; i < steps; i++) {
    step();
    out.push(lrOf(opt));
  }
  return out;
}

describe("LinearLR", () => {
  it("moves the factor linearly from startFactor to endFactor, then holds it", () => {
    const opt = sgd(0.1);
    const s = new LinearLR(opt, { startFactor: 0.5, totalIters: 4 });
    expectClose(
      trace(opt, () => s.step(), 5),
      [0.05, 0.0625, 0.075, 0.0875, 0.1, 0.1],
      {
        atol: 1e-17,
      },
    );
    const opt2 = sgd(1);
    const d = new LinearLR(opt2);
    // PyTorch's defaults: from 1/3 to 1 over 5 epochs
    expectClose(
      trace(opt2, () => d.step(), 5),
      [1 / 3, 7 / 15, 9 / 15, 11 / 15, 13 / 15, 1],
      {
        atol: 1e-15,
      },
    );
    expectClose(d.getLastLr(), [1], { atol: 1e-15 });
  });

  it("rejects factors out of range", () => {
    expect(() => new LinearLR(sgd(1), { startFactor: 0 })).toThrow(
      /LinearLR: startFactor must be in \(0, 1\], got 0/,
    );
    expect(() => new LinearLR(sgd(1), { endFactor: 1.5 })).toThrow(/endFactor must be in \[0, 1\]/);
    expect(() => new LinearLR(sgd(1), { totalIters: 0 })).toThrow(/totalIters must be a positive/);
  });
});

describe("ExponentialLR", () => {
  it("multiplies by γ every epoch", () => {
    const opt = sgd(1);
    const s = new ExponentialLR(opt, { gamma: 0.5 });
    expect(trace(opt, () => s.step(), 3)).toEqual([1, 0.5, 0.25, 0.125]);
    expect(() => new ExponentialLR(sgd(1), { gamma: Number.NaN })).toThrow(
      /ExponentialLR: gamma must be a finite number/,
    );
  });

  it("composes with LinearLR when both are stepped on one optimiser, as PyTorch's chaining", () => {
    const opt = sgd(1);
    const warm = new LinearLR(opt, { startFactor: 0.5, totalIters: 2 });
    const decay = new ExponentialLR(opt, { gamma: 0.5 });
    // base · linear factor (0.5, 0.75, 1, 1) · 0.5^epoch
    const lrs = trace(
      opt,
      () => {
        warm.step();
        decay.step();
      },
      3,
    );
    expectClose(lrs, [0.5, 0.375, 0.25, 0.125], { atol: 1e-16 });
  });
});

describe("LambdaLR", () => {
  it("sets base · λ(epoch), one function per group", () => {
    const opt = new SGD([
      { params: [param()], lr: 0.1 },
      { params: [param()], lr: 1 },
    ]);
    const s = new LambdaLR(opt, [(e) => 1 / (e + 1), (e) => 0.9 ** e]);
    s.step();
    s.step();
    expectClose([lrOf(opt, 0), lrOf(opt, 1)], [0.1 / 3, 0.81], { atol: 1e-16 });
    expect(() => new LambdaLR(opt, [(e) => e])).toThrow(
      /LambdaLR: got 1 lrLambda functions for 2 parameter groups/,
    );
    expect(() => new LambdaLR(sgd(1), () => Number.NaN)).toThrow(
      /LambdaLR: lrLambda of parameter group 0 returned NaN at epoch 0/,
    );
  });

  it("resumes from its state", () => {
    const opt = sgd(1);
    const s = new LambdaLR(opt, (e) => 1 / (e + 1));
    s.step();
    s.step();
    const opt2 = sgd(1);
    const s2 = new LambdaLR(opt2, (e) => 1 / (e + 1));
    s2.loadStateDict(s.stateDict());
    s.step();
    s2.step();
    expect(lrOf(opt2)).toBe(lrOf(opt));
    expect(s2.getLastLr()).toEqual(s.getLastLr());
  });
});

describe("OneCycleLR", () => {
  const cosAnneal = (a: number, b: number, pct: number) =>
    b + ((a - b) / 2) * (Math.cos(Math.PI * pct) + 1);

  it("rises from maxLr/25 to maxLr over 30% of the steps, then anneals to the minimum (cos)", () => {
    const opt = sgd(123, 0.9);
    const s = new OneCycleLR(opt, { maxLr: 1, totalSteps: 10 });
    const mom = () => (opt.paramGroups[0] as { momentum: number }).momentum;
    const lrs = [lrOf(opt)];
    const moms = [mom()];
    for (let i = 0; i < 10; i++) {
      s.step();
      lrs.push(lrOf(opt));
      moms.push(mom());
    }
    const initial = 1 / 25;
    const min = initial / 1e4;
    // phase 1 ends at step 0.3·10 − 1 = 2, phase 2 at 9
    const want = [
      initial,
      (initial + 1) / 2,
      1,
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((k) => cosAnneal(1, min, k / 7)),
    ];
    expectClose(lrs, want, { atol: 1e-15 });
    expectClose(lrs[9] as number, min, { atol: 1e-18 });
    expectClose(moms.slice(0, 3), [0.95, 0.9, 0.85], { atol: 1e-15 });
    expectClose(moms[9] as number, 0.95, { atol: 1e-15 });
    expect(() => s.step()).toThrow(
      /OneCycleLR: tried to step 11 times; the cycle has totalSteps = 10/,
    );
  });

  it("anneals linearly, and in three phases when asked", () => {
    const opt = sgd(1, 0.9);
    const s = new OneCycleLR(opt, {
      maxLr: 2,
      epochs: 2,
      stepsPerEpoch: 5,
      annealStrategy: "linear",
      threePhase: true,
      divFactor: 10,
      finalDivFactor: 100,
    });
    // phases end at steps 2, 4 and 9: 0.2 → 2 → 0.2 → 0.002
    const lrs = trace(opt, () => s.step(), 9);
    expectClose(
      lrs,
      [
        0.2,
        1.1,
        2,
        1.1,
        0.2,
        0.2 - 0.198 * 0.2,
        0.2 - 0.198 * 0.4,
        0.2 - 0.198 * 0.6,
        0.2 - 0.198 * 0.8,
        0.002,
      ],
      {
        atol: 1e-15,
      },
    );
  });

  it("cycles Adam's β₁ and keeps β₂; needs momentum or betas", () => {
    const opt = new Adam([param()], { betas: [0.5, 0.99] });
    const s = new OneCycleLR(opt, {
      maxLr: 0.1,
      totalSteps: 10,
      baseMomentum: 0.8,
      maxMomentum: 0.9,
    });
    expect(opt.paramGroups[0]?.betas).toEqual([0.9, 0.99]);
    s.step();
    expectClose(opt.paramGroups[0]?.betas[0] as number, 0.85, { atol: 1e-15 });
    expect(opt.paramGroups[0]?.betas[1]).toBe(0.99);
    expect(() => new OneCycleLR(new Adagrad([param()]), { maxLr: 1, totalSteps: 5 })).toThrow(
      /OneCycleLR: cycleMomentum needs an optimiser with momentum or betas/,
    );
    const plain = new OneCycleLR(new Adagrad([param()]), {
      maxLr: 1,
      totalSteps: 5,
      cycleMomentum: false,
    });
    expectClose(plain.getLastLr(), [0.04], { atol: 1e-16 });
    expect(() => new OneCycleLR(sgd(1), { maxLr: 1 })).toThrow(
      /give either totalSteps, or epochs and stepsPerEpoch/,
    );
    expect(() => new OneCycleLR(sgd(1), { maxLr: [1, 2], totalSteps: 5 })).toThrow(
      /maxLr must be a finite number or an array of 1/,
    );
  });
});

describe("ReduceLROnPlateau", () => {
  it("reduces after more than `patience` bad epochs, waits out the cooldown, stops at minLr", () => {
    const opt = sgd(1);
    const s = new ReduceLROnPlateau(opt, { factor: 0.5, patience: 1, cooldown: 1, minLr: 0.2 });
    const metrics = [5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4];
    const lrs = metrics.map((m) => {
      s.step(m);
      return lrOf(opt);
    });
    expect(lrs).toEqual([1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.2, 0.2, 0.2]);
    expect(s.best).toBe(4);
    expect(s.getLastLr()).toEqual([0.2]);
  });

  it("counts relative and absolute thresholds, in min and max mode", () => {
    const rel = new ReduceLROnPlateau(sgd(1), { patience: 0, threshold: 0.1 });
    rel.step(10);
    rel.step(9.5); // not below 10·(1 − 0.1) = 9: a bad epoch
    expect(lrOf(rel.optimizer)).toBeCloseTo(0.1, 15);
    const opt = sgd(1);
    const abs = new ReduceLROnPlateau(opt, {
      mode: "max",
      patience: 0,
      threshold: 0.1,
      thresholdMode: "abs",
    });
    abs.step(tensor(1));
    abs.step(1.05); // not above 1 + 0.1
    expect(lrOf(opt)).toBeCloseTo(0.1, 15);
    abs.step(1.2);
    expect(abs.best).toBe(1.2);
    expect(abs.numBadEpochs).toBe(0);
  });

  it("resumes from its state and validates its options", () => {
    const opt = sgd(1);
    const s = new ReduceLROnPlateau(opt, { patience: 2 });
    for (const m of [3, 4, 4]) s.step(m);
    const s2 = new ReduceLROnPlateau(opt, { patience: 2 });
    s2.loadStateDict(s.stateDict());
    expect(s2.numBadEpochs).toBe(2);
    s2.step(4);
    expect(lrOf(opt)).toBeCloseTo(0.1, 15);
    expect(() => new ReduceLROnPlateau(sgd(1), { factor: 1 })).toThrow(
      /ReduceLROnPlateau: factor must be a number in \[0, 1\), got 1/,
    );
    expect(() => new ReduceLROnPlateau(sgd(1), { mode: "up" as "min" })).toThrow(ArgumentError);
    expect(() => new ReduceLROnPlateau(sgd(1), { minLr: [0, 0] })).toThrow(/minLr must be/);
  });
});

describe("SequentialLR", () => {
  it("runs a warm-up, then restarts the next scheduler at the milestone", () => {
    const opt = sgd(1);
    const warm = new LinearLR(opt, { startFactor: 0.1, totalIters: 2 });
    const decay = new ExponentialLR(opt, { gamma: 0.5 });
    const s = new SequentialLR(opt, [warm, decay], [3]);
    expectClose(
      trace(opt, () => s.step(), 5),
      [0.1, 0.55, 1, 1, 0.5, 0.25],
      { atol: 1e-15 },
    );
    expect(s.getLastLr()).toEqual([lrOf(opt)]);
  });

  it("resumes from its state and validates milestones and schedulers", () => {
    const build = () => {
      const opt = sgd(1);
      const s = new SequentialLR(
        opt,
        [new ExponentialLR(opt, { gamma: 0.9 }), new StepLR(opt, { stepSize: 2, gamma: 0.1 })],
        [2],
      );
      return { opt, s };
    };
    const a = build();
    for (let i = 0; i < 3; i++) a.s.step();
    const b = build();
    b.s.loadStateDict(a.s.stateDict());
    b.opt.loadStateDict(a.opt.stateDict());
    a.s.step();
    b.s.step();
    expect(lrOf(b.opt)).toBe(lrOf(a.opt));
    const opt = sgd(1);
    const e = new ExponentialLR(opt, { gamma: 0.9 });
    expect(() => new SequentialLR(opt, [e, e], [])).toThrow(
      /SequentialLR: expected 1 milestones for 2 schedulers/,
    );
    expect(() => new SequentialLR(sgd(1), [e], [])).toThrow(/built for a different optimiser/);
  });
});
