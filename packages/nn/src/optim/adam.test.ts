import { tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { Parameter } from "../module/parameter.js";
import { expectClose, flat } from "../test-utils/close.js";
import { Adam, type AdamOptions, AdamW } from "./adam.js";

// Loss L(θ) = Σ cᵢθᵢ², ∂L/∂θ = 2cθ.
const c = [1.5, 0.5, 3];
const theta0 = [1, -2, 0.5];

function runFluxion(Opt: typeof Adam | typeof AdamW, options: Partial<AdamOptions>): number[][] {
  const p = new Parameter(tensor(theta0, { dtype: "float64" }));
  const opt = new Opt([p], options);
  const out: number[][] = [];
  for (let s = 0; s < 3; s++) {
    opt.zeroGrad();
    p.mul(p)
      .mul(tensor(c, { dtype: "float64" }))
      .sum()
      .backward();
    opt.step();
    out.push(flat(p));
  }
  return out;
}

/** The Adam/AdamW algorithm of PyTorch's documentation, by hand, in its textbook form. */
function runByHand(decoupled: boolean, o: Partial<AdamOptions>): number[][] {
  const { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8, amsgrad = false, maximize = false } = o;
  const weightDecay = o.weightDecay ?? (decoupled ? 1e-2 : 0);
  const [b1, b2] = betas;
  let th = [...theta0];
  let m = th.map(() => 0);
  let v = th.map(() => 0);
  let vMax = th.map(() => 0);
  const out: number[][] = [];
  for (let t = 1; t <= 3; t++) {
    let g = th.map((x, i) => 2 * (c[i] as number) * x);
    if (maximize) g = g.map((x) => -x);
    if (decoupled) th = th.map((x) => x * (1 - lr * weightDecay));
    else g = g.map((x, i) => x + weightDecay * (th[i] as number));
    m = m.map((mi, i) => b1 * mi + (1 - b1) * (g[i] as number));
    v = v.map((vi, i) => b2 * vi + (1 - b2) * (g[i] as number) ** 2);
    vMax = vMax.map((x, i) => Math.max(x, v[i] as number));
    const second = amsgrad ? vMax : v;
    th = th.map((x, i) => {
      const mHat = (m[i] as number) / (1 - b1 ** t);
      const vHat = (second[i] as number) / (1 - b2 ** t);
      return x - (lr * mHat) / (Math.sqrt(vHat) + eps);
    });
    out.push(th);
  }
  return out;
}

describe("Adam and AdamW", () => {
  for (const [name, Opt, decoupled] of [
    ["Adam", Adam, false],
    ["AdamW", AdamW, true],
  ] as const)
    for (const amsgrad of [false, true])
      for (const weightDecay of [undefined, 0, 0.1])
        for (const maximize of [false, true])
          for (const betas of [undefined, [0.8, 0.5] as const]) {
            const o = { lr: 0.1, amsgrad, weightDecay, maximize, betas };
            it(`${name}: three steps with ${JSON.stringify(o)}`, () => {
              const got = runFluxion(Opt, o);
              const want = runByHand(decoupled, o);
              got.forEach((th, s) => {
                expectClose(th, want[s] as number[], { atol: 1e-14, rtol: 1e-12 });
              });
            });
          }

  it("AMSGrad changes the trajectory when the second moment falls (the case above tests it)", () => {
    const o = { lr: 0.1, betas: [0.8, 0.5] as const };
    const a = runByHand(false, { ...o, amsgrad: true });
    const b = runByHand(false, o);
    expect(a[2]).not.toEqual(b[2]);
  });

  it("AdamW decays weights even where the gradient is zero; Adam's L2 term goes through the moments", () => {
    const p = new Parameter(tensor([2], { dtype: "float64" }));
    const opt = new AdamW([p], { lr: 0.1, weightDecay: 0.5 });
    p.mul(0).sum().backward();
    opt.step();
    expect(p.item()).toBe(2 * (1 - 0.1 * 0.5));
  });

  it("restores state from stateDict and continues identically", () => {
    const p = new Parameter(tensor(theta0, { dtype: "float64" }));
    const opt = new Adam([p], { lr: 0.1, amsgrad: true });
    const step = (q: Parameter, op: Adam) => {
      op.zeroGrad();
      q.mul(q).sum().backward();
      op.step();
    };
    step(p, opt);
    const saved = opt.stateDict();
    expect(saved.state[0]?.step).toBe(1);
    const q = new Parameter(tensor(flat(p), { dtype: "float64" }));
    const opt2 = new Adam([q]);
    opt2.loadStateDict(saved);
    step(p, opt);
    step(q, opt2);
    expect(flat(q)).toEqual(flat(p));
    expect(() => new Adam([q], { betas: [1, 0.9] })).toThrow(
      /Adam: betas\[0\] must be a number in \[0, 1\)/,
    );
  });
});
