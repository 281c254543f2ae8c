import { tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { Parameter } from "../module/parameter.js";
import { expectClose, flat } from "../test-utils/close.js";
import { Adagrad, type AdagradOptions } from "./adagrad.js";
import { Adamax, type AdamaxOptions } from "./adamax.js";
import { NAdam, type NAdamOptions } from "./nadam.js";
import type { BaseOptions, Optimizer } from "./optimizer.js";
import { RAdam, type RAdamOptions } from "./radam.js";
import { RMSprop, type RMSpropOptions } from "./rmsprop.js";

// Loss L(θ) = Σ cᵢθᵢ² + dᵢθᵢ, so ∂L/∂θ = 2cθ + d changes from step to step.
const c = [1.5, 0.5, 3];
const d = [0.3, -0.2, 0.1];
const theta0 = [1, -2, 0.5];
const f64 = { dtype: "float64" } as const;
const gradAt = (th: number[]) => th.map((t, i) => 2 * (c[i] as number) * t + (d[i] as number));

type Vec = number[];
const zip = (a: Vec, b: Vec, f: (x: number, y: number) => number) =>
  a.map((x, i) => f(x, b[i] as number));

/** Runs `steps` steps of a Fluxion optimiser on L and returns θ after each. */
function runFluxion(make: (p: Parameter) => Optimizer<BaseOptions>, steps: number): Vec[] {
  const p = new Parameter(tensor(theta0, f64));
  const opt = make(p);
  const cT = tensor(c, f64);
  const dT = tensor(d, f64);
  const out: Vec[] = [];
  for (let s = 0; s < steps; s++) {
    opt.zeroGrad();
    p.mul(p).mul(cT).add(p.mul(dT)).sum().backward();
    opt.step();
    out.push(flat(p));
  }
  return out;
}

/** Runs a hand-written update `(θ, g, t) → θ` for `steps` steps. */
function runByHand(update: (th: Vec, g: Vec, t: number) => Vec, steps: number): Vec[] {
  let th = [...theta0];
  const out: Vec[] = [];
  for (let t = 1; t <= steps; t++) {
    th = update(th, gradAt(th), t);
    out.push(th);
  }
  return out;
}

function expectSame(got: Vec[], want: Vec[]): void {
  got.forEach((th, s) => {
    expectClose(th, want[s] as Vec, { atol: 1e-14, rtol: 1e-12 });
  });
}

/** The textbook algorithm of PyTorch's RMSprop documentation. */
function rmspropByHand(o: Partial<RMSpropOptions>) {
  const { lr = 1e-2, alpha = 0.99, eps = 1e-8, weightDecay = 0, momentum = 0 } = o;
  const { centered = false, maximize = false } = o;
  let v = theta0.map(() => 0);
  let gAvg = theta0.map(() => 0);
  let b = theta0.map(() => 0);
  return (th: Vec, g0: Vec): Vec => {
    let g = maximize ? g0.map((x) => -x) : g0;
    g = zip(g, th, (gi, ti) => gi + weightDecay * ti);
    v = zip(v, g, (vi, gi) => alpha * vi + (1 - alpha) * gi * gi);
    let vt = v;
    if (centered) {
      gAvg = zip(gAvg, g, (a, gi) => alpha * a + (1 - alpha) * gi);
      vt = zip(v, gAvg, (vi, a) => vi - a * a);
    }
    const step = zip(g, vt, (gi, vi) => gi / (Math.sqrt(vi) + eps));
    if (momentum > 0) {
      b = zip(b, step, (bi, si) => momentum * bi + si);
      return zip(th, b, (ti, bi) => ti - lr * bi);
    }
    return zip(th, step, (ti, si) => ti - lr * si);
  };
}

function adagradByHand(o: Partial<AdagradOptions>) {
  const { lr = 1e-2, lrDecay = 0, weightDecay = 0, initialAccumulatorValue = 0 } = o;
  const { eps = 1e-10, maximize = false } = o;
  let s = theta0.map(() => initialAccumulatorValue);
  return (th: Vec, g0: Vec, t: number): Vec => {
    let g = maximize ? g0.map((x) => -x) : g0;
    g = zip(g, th, (gi, ti) => gi + weightDecay * ti);
    const clr = lr / (1 + (t - 1) * lrDecay);
    s = zip(s, g, (si, gi) => si + gi * gi);
    return th.map((ti, i) => ti - (clr * (g[i] as number)) / (Math.sqrt(s[i] as number) + eps));
  };
}

function adamaxByHand(o: Partial<AdamaxOptions>) {
  const { lr = 2e-3, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0, maximize = false } = o;
  const [b1, b2] = betas;
  let m = theta0.map(() => 0);
  let u = theta0.map(() => 0);
  return (th: Vec, g0: Vec, t: number): Vec => {
    let g = maximize ? g0.map((x) => -x) : g0;
    g = zip(g, th, (gi, ti) => gi + weightDecay * ti);
    m = zip(m, g, (mi, gi) => b1 * mi + (1 - b1) * gi);
    u = zip(u, g, (ui, gi) => Math.max(b2 * ui, Math.abs(gi) + eps));
    return th.map((ti, i) => ti - (lr / (1 - b1 ** t)) * ((m[i] as number) / (u[i] as number)));
  };
}

function nadamByHand(o: Partial<NAdamOptions>) {
  const { lr = 2e-3, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0 } = o;
  const { momentumDecay = 4e-3, decoupledWeightDecay = false, maximize = false } = o;
  const [b1, b2] = betas;
  let m = theta0.map(() => 0);
  let v = theta0.map(() => 0);
  let prod = 1;
  const muAt = (t: number) => b1 * (1 - 0.5 * 0.96 ** (t * momentumDecay));
  return (th0: Vec, g0: Vec, t: number): Vec => {
    let th = th0;
    let g = maximize ? g0.map((x) => -x) : g0;
    if (decoupledWeightDecay) th = th.map((x) => x * (1 - lr * weightDecay));
    else g = zip(g, th, (gi, ti) => gi + weightDecay * ti);
    const mu = muAt(t);
    const muNext = muAt(t + 1);
    prod *= mu;
    m = zip(m, g, (mi, gi) => b1 * mi + (1 - b1) * gi);
    v = zip(v, g, (vi, gi) => b2 * vi + (1 - b2) * gi * gi);
    return th.map((ti, i) => {
      const mHat =
        (muNext * (m[i] as number)) / (1 - prod * muNext) +
        ((1 - mu) * (g[i] as number)) / (1 - prod);
      const vHat = (v[i] as number) / (1 - b2 ** t);
      return ti - (lr * mHat) / (Math.sqrt(vHat) + eps);
    });
  };
}

function radamByHand(o: Partial<RAdamOptions>) {
  const { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0 } = o;
  const { decoupledWeightDecay = false, maximize = false } = o;
  const [b1, b2] = betas;
  let m = theta0.map(() => 0);
  let v = theta0.map(() => 0);
  const rhoInf = 2 / (1 - b2) - 1;
  return (th0: Vec, g0: Vec, t: number): Vec => {
    let th = th0;
    let g = maximize ? g0.map((x) => -x) : g0;
    if (decoupledWeightDecay) th = th.map((x) => x * (1 - lr * weightDecay));
    else g = zip(g, th, (gi, ti) => gi + weightDecay * ti);
    m = zip(m, g, (mi, gi) => b1 * mi + (1 - b1) * gi);
    v = zip(v, g, (vi, gi) => b2 * vi + (1 - b2) * gi * gi);
    const mHat = m.map((x) => x / (1 - b1 ** t));
    const rho = rhoInf - (2 * t * b2 ** t) / (1 - b2 ** t);
    if (rho <= 5) return zip(th, mHat, (ti, mi) => ti - lr * mi);
    const l = v.map((x) => Math.sqrt(1 - b2 ** t) / (Math.sqrt(x) + eps));
    const r = Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho));
    return th.map((ti, i) => ti - lr * (mHat[i] as number) * (l[i] as number) * r);
  };
}

describe("RMSprop", () => {
  for (const momentum of [0, 0.9])
    for (const centered of [false, true])
      for (const weightDecay of [0, 0.1])
        for (const maximize of [false, true]) {
          const o = { lr: 0.01, alpha: 0.9, momentum, centered, weightDecay, maximize };
          it(`matches the documented algorithm for ${JSON.stringify(o)}`, () => {
            expectSame(
              runFluxion((p) => new RMSprop([p], o), 5),
              runByHand(rmspropByHand(o), 5),
            );
          });
        }
  it("uses PyTorch's defaults", () => {
    expectSame(
      runFluxion((p) => new RMSprop([p]), 3),
      runByHand(rmspropByHand({}), 3),
    );
    const o = new RMSprop([new Parameter(tensor([1]))]).defaults;
    expect(o).toEqual({
      lr: 1e-2,
      alpha: 0.99,
      eps: 1e-8,
      weightDecay: 0,
      momentum: 0,
      centered: false,
      maximize: false,
    });
  });
});

describe("Adagrad", () => {
  for (const lrDecay of [0, 0.5])
    for (const weightDecay of [0, 0.1])
      for (const initialAccumulatorValue of [0, 0.3])
        for (const maximize of [false, true]) {
          const o = { lr: 0.1, lrDecay, weightDecay, initialAccumulatorValue, maximize };
          it(`matches the documented algorithm for ${JSON.stringify(o)}`, () => {
            expectSame(
              runFluxion((p) => new Adagrad([p], o), 4),
              runByHand(adagradByHand(o), 4),
            );
          });
        }
  it("has state from construction, as PyTorch", () => {
    const p = new Parameter(tensor([1, 2], f64));
    const opt = new Adagrad([p], { initialAccumulatorValue: 0.5 });
    const s = opt.stateDict().state[0];
    expect(s?.step).toBe(0);
    expect(flat(s?.sum as Parameter)).toEqual([0.5, 0.5]);
    expect(opt.defaults.eps).toBe(1e-10);
  });
});

describe("Adamax", () => {
  for (const weightDecay of [0, 0.1])
    for (const maximize of [false, true])
      for (const betas of [undefined, [0.8, 0.5] as const]) {
        const o = { lr: 0.05, weightDecay, maximize, betas };
        it(`matches the documented algorithm for ${JSON.stringify(o)}`, () => {
          expectSame(
            runFluxion((p) => new Adamax([p], o), 5),
            runByHand(adamaxByHand(o), 5),
          );
        });
      }
});

describe("NAdam", () => {
  for (const weightDecay of [0, 0.1])
    for (const decoupledWeightDecay of [false, true])
      for (const maximize of [false, true])
        for (const momentumDecay of [undefined, 0.1]) {
          const o = { lr: 0.05, weightDecay, decoupledWeightDecay, maximize, momentumDecay };
          it(`matches the documented algorithm for ${JSON.stringify(o)}`, () => {
            expectSame(
              runFluxion((p) => new NAdam([p], o), 5),
              runByHand(nadamByHand(o), 5),
            );
          });
        }
  it("keeps the running product of μ in its state", () => {
    const p = new Parameter(tensor([1], f64));
    const opt = new NAdam([p]);
    p.mul(p).sum().backward();
    opt.step();
    opt.step();
    const mu = (t: number) => 0.9 * (1 - 0.5 * 0.96 ** (t * 4e-3));
    expectClose(opt.stateDict().state[0]?.muProduct as number, mu(1) * mu(2), { rtol: 1e-15 });
  });
});

describe("RAdam", () => {
  // 8 steps with β₂ = 0.999: ρₜ ≤ 5 for the first five, so both branches run
  for (const weightDecay of [0, 0.1])
    for (const decoupledWeightDecay of [false, true])
      for (const maximize of [false, true]) {
        const o = { lr: 0.05, weightDecay, decoupledWeightDecay, maximize };
        it(`matches the documented algorithm for ${JSON.stringify(o)}`, () => {
          expectSame(
            runFluxion((p) => new RAdam([p], o), 8),
            runByHand(radamByHand(o), 8),
          );
        });
      }
  it("takes the rectified branch from step 6 with the default β₂", () => {
    const rho = (t: number) => 1999 - (2 * t * 0.999 ** t) / (1 - 0.999 ** t);
    expect(rho(5)).toBeLessThanOrEqual(5);
    expect(rho(6)).toBeGreaterThan(5);
  });
});

describe("optimiser state and validation", () => {
  const makers: Record<string, (p: Parameter) => Optimizer<BaseOptions>> = {
    RMSprop: (p: Parameter) => new RMSprop([p], { lr: 0.01, momentum: 0.9, centered: true }),
    Adagrad: (p: Parameter) => new Adagrad([p], { lr: 0.1, lrDecay: 0.1 }),
    Adamax: (p: Parameter) => new Adamax([p], { lr: 0.05 }),
    NAdam: (p: Parameter) => new NAdam([p], { lr: 0.05 }),
    RAdam: (p: Parameter) => new RAdam([p], { lr: 0.05 }),
  };
  for (const [name, make] of Object.entries(makers)) {
    it(`${name} continues identically after stateDict/loadStateDict`, () => {
      const cT = tensor(c, f64);
      const step = (q: Parameter, op: Optimizer<BaseOptions>) => {
        op.zeroGrad();
        q.mul(q).mul(cT).sum().backward();
        op.step();
      };
      const p = new Parameter(tensor(theta0, f64));
      const opt = make(p);
      for (let i = 0; i < 7; i++) step(p, opt);
      const q = new Parameter(tensor(flat(p), f64));
      const opt2 = make(q);
      opt2.loadStateDict(opt.stateDict());
      for (let i = 0; i < 3; i++) {
        step(p, opt);
        step(q, opt2);
      }
      expect(flat(q)).toEqual(flat(p));
    });
  }
  it("rejects bad hyperparameters, naming the optimiser and the value", () => {
    const p = () => [new Parameter(tensor([1]))];
    expect(() => new RMSprop(p(), { alpha: -1 })).toThrow(/RMSprop: alpha must be a number/);
    expect(() => new Adagrad(p(), { lrDecay: -1 })).toThrow(/Adagrad: lrDecay must be/);
    expect(() => new Adagrad(p(), { initialAccumulatorValue: -1 })).toThrow(
      /Adagrad: initialAccumulatorValue must be/,
    );
    expect(() => new Adamax(p(), { betas: [0.9, 1] })).toThrow(/Adamax: betas\[1\] must be/);
    expect(() => new NAdam(p(), { momentumDecay: -1 })).toThrow(/NAdam: momentumDecay must be/);
    expect(() => new RAdam(p(), { lr: -1 })).toThrow(
      /RAdam: lr must be a number in \[0, ∞\], got -1/,
    );
  });
});
