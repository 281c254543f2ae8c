import { ArgumentError, noGrad, type Tensor, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { Parameter } from "../module/parameter.js";
import { expectClose, flat } from "../test-utils/close.js";
import { SGD, type SGDOptions } from "./sgd.js";

// Loss L(θ) = Σ cᵢθᵢ² + dᵢθᵢ, so ∂L/∂θ = 2cθ + d changes from step to step.
const c = [1.5, 0.5];
const d = [0.3, -0.2];
const theta0 = [1, -2];
const lossGrad = (th: number[]) => th.map((t, i) => 2 * (c[i] as number) * t + (d[i] as number));

function runFluxion(options: Partial<SGDOptions>, steps = 3): number[][] {
  const p = new Parameter(tensor(theta0, { dtype: "float64" }));
  const opt = new SGD([p], options);
  const out: number[][] = [];
  const cT = tensor(c, { dtype: "float64" });
  const dT = tensor(d, { dtype: "float64" });
  for (let s = 0; s < steps; s++) {
    opt.zeroGrad();
    p.mul(p).mul(cT).add(p.mul(dT)).sum().backward();
    opt.step();
    out.push(flat(p));
  }
  return out;
}

/** PyTorch's documented SGD algorithm, by hand. */
function runByHand(o: Partial<SGDOptions>, steps = 3): number[][] {
  const {
    lr = 1e-3,
    momentum = 0,
    dampening = 0,
    weightDecay = 0,
    nesterov = false,
    maximize = false,
  } = o;
  let th = [...theta0];
  const state: { buf: number[] | null } = { buf: null };
  const out: number[][] = [];
  for (let s = 0; s < steps; s++) {
    let gr = lossGrad(th);
    if (maximize) gr = gr.map((v) => -v);
    if (weightDecay !== 0) gr = gr.map((v, i) => v + weightDecay * (th[i] as number));
    if (momentum !== 0) {
      const prev = state.buf;
      const bb =
        prev === null
          ? [...gr]
          : prev.map((b, i) => momentum * b + (1 - dampening) * (gr[i] as number));
      state.buf = bb;
      gr = nesterov ? gr.map((v, i) => v + momentum * (bb[i] as number)) : bb;
    }
    th = th.map((t, i) => t - lr * (gr[i] as number));
    out.push(th);
  }
  return out;
}

describe("SGD", () => {
  it("matches a sequence computed with pencil and paper", () => {
    // L = θ², θ₀ = 1, lr 0.1, momentum 0.9: g = 2, 1.6, 0.92; b = 2, 3.4, 3.98; θ = 0.8, 0.46, 0.062
    const p = new Parameter(tensor([1], { dtype: "float64" }));
    const opt = new SGD([p], { lr: 0.1, momentum: 0.9 });
    const seen: number[] = [];
    for (let s = 0; s < 3; s++) {
      opt.zeroGrad();
      p.mul(p).sum().backward();
      opt.step();
      seen.push(p.item());
    }
    expectClose(seen, [0.8, 0.46, 0.062], { atol: 1e-15 });
  });

  for (const momentum of [0, 0.9])
    for (const dampening of [0, 0.3])
      for (const nesterov of [false, true])
        for (const weightDecay of [0, 0.1])
          for (const maximize of [false, true]) {
            if (nesterov && (momentum === 0 || dampening !== 0)) continue;
            const o = { lr: 0.05, momentum, dampening, nesterov, weightDecay, maximize };
            it(`three steps with ${JSON.stringify(o)}`, () => {
              const got = runFluxion(o);
              const want = runByHand(o);
              got.forEach((th, s) => {
                expectClose(th, want[s] as number[], { atol: 1e-15, rtol: 1e-14 });
              });
            });
          }

  it("rejects nesterov without momentum or with dampening, and negative rates", () => {
    const p = new Parameter(tensor([1]));
    expect(() => new SGD([p], { nesterov: true })).toThrow(
      /SGD: nesterov momentum needs momentum > 0 and dampening 0/,
    );
    expect(() => new SGD([p], { nesterov: true, momentum: 0.9, dampening: 0.1 })).toThrow(
      ArgumentError,
    );
    expect(() => new SGD([p], { lr: -1 })).toThrow(/SGD: lr must be a number in \[0, ∞\]/);
  });

  it("skips parameters without a gradient and updates each group with its own lr", () => {
    const a = new Parameter(tensor([1], { dtype: "float64" }));
    const b = new Parameter(tensor([1], { dtype: "float64" }));
    const frozen = new Parameter(tensor([5], { dtype: "float64" }));
    const opt = new SGD([{ params: [a, frozen] }, { params: [b], lr: 0.5 }], { lr: 0.1 });
    a.add(b).sum().backward();
    opt.step();
    expect(a.item()).toBe(0.9);
    expect(b.item()).toBe(0.5);
    expect(frozen.item()).toBe(5);
    opt.zeroGrad();
    expect(a.grad).toBeNull();
    expect(() => new SGD([{ params: [a] }, { params: [a] }])).toThrow(/more than one group/);
  });

  it("saves and restores its state: a restored optimiser continues identically", () => {
    const o = { lr: 0.05, momentum: 0.9, nesterov: true };
    const p = new Parameter(tensor(theta0, { dtype: "float64" }));
    const opt = new SGD([p], o);
    const step = (q: Parameter, op: SGD) => {
      op.zeroGrad();
      q.mul(q)
        .mul(tensor(c, { dtype: "float64" }))
        .sum()
        .backward();
      op.step();
    };
    step(p, opt);
    step(p, opt);
    const q = new Parameter(tensor(flat(p), { dtype: "float64" }));
    const opt2 = new SGD([q], { lr: 1 });
    opt2.loadStateDict(opt.stateDict());
    expect(opt2.paramGroups[0]?.lr).toBe(0.05);
    step(p, opt);
    step(q, opt2);
    expect(flat(q)).toEqual(flat(p));
  });
});

describe("SGD state", () => {
  it("the momentum buffer does not share storage with the gradient (in-place clipping leaves it alone)", () => {
    const p = tensor([1], { dtype: "float64", requiresGrad: true });
    const opt = new SGD([p], { lr: 0.1, momentum: 0.9 });
    p.mul(p).sum().backward(); // g = 2
    opt.step();
    noGrad(() => (p.grad as Tensor).zero_());
    p.grad = null;
    p.mul(p).sum().backward(); // g = 2·0.8 = 1.6
    opt.step();
    // buffer = 0.9·2 + 1.6 = 3.4; p = 0.8 − 0.1·3.4 = 0.46 (a zeroed buffer would give 0.64)
    expect(p.item()).toBeCloseTo(0.46, 14);
  });
});
