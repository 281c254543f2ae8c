import { Generator, randn, type Tensor, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { Parameter } from "../module/parameter.js";
import { SGD } from "../optim/sgd.js";
import { expectClose, flat, gradOf } from "../test-utils/close.js";
import { binaryCrossEntropy } from "./binary-cross-entropy.js";

// The lecture's logistic regression: z = XW + b, a = σ(z), ℓ = −[y log a + (1 − y) log(1 − a)],
// ∂ℓ/∂w = x(a − y), ∂ℓ/∂b = a − y, cost J = mean over the m examples.
const sigmoid = (z: Tensor) => z.neg().exp().add(1).pow(-1);
const sig = (z: number) => 1 / (1 + Math.exp(-z));

const g = new Generator(7);
const m = 6;
const n = 3;
const X = randn([m, n], { dtype: "float64", generator: g });
const y = tensor([1, 0, 1, 1, 0, 0], { dtype: "float64" }).reshape([m, 1]);
const rows = X.toArray() as number[][];
const labels = flat(y);

function model() {
  const W = new Parameter(randn([n, 1], { dtype: "float64", generator: new Generator(3) }));
  const b = new Parameter(tensor([0.1], { dtype: "float64" }));
  return { W, b };
}

/** Plain-JS forward pass: activations a for each example. */
function activations(w: number[], b: number): number[] {
  return rows.map((x) => sig(x.reduce((s, xi, i) => s + xi * (w[i] as number), b)));
}

describe("logistic regression (the lecture)", () => {
  it("per example, autodiff gives ∂ℓ/∂w = x(a − y) and ∂ℓ/∂b = a − y", () => {
    const { W, b } = model();
    const w = flat(W);
    const a = activations(w, b.item());
    for (let i = 0; i < m; i++) {
      W.grad = null;
      b.grad = null;
      const xi = X.slice([[i, i + 1]]);
      const yi = y.slice([[i, i + 1]]);
      binaryCrossEntropy(sigmoid(xi.matmul(W).add(b)), yi).backward();
      const err = (a[i] as number) - (labels[i] as number);
      expectClose(
        gradOf(W),
        (rows[i] as number[]).map((xj) => xj * err),
        {
          atol: 1e-14,
        },
      );
      expectClose(gradOf(b), [err], { atol: 1e-14 });
    }
  });

  it("the cost is the mean over m examples, its gradient the mean of the per-example gradients", () => {
    const { W, b } = model();
    const a = activations(flat(W), b.item());
    const J = binaryCrossEntropy(sigmoid(X.matmul(W).add(b)), y);
    const losses = a.map((ai, i) => {
      const yi = labels[i] as number;
      return -(yi * Math.log(ai) + (1 - yi) * Math.log(1 - ai));
    });
    expectClose(J, [losses.reduce((s, v) => s + v, 0) / m], { atol: 1e-14 });
    J.backward();
    const dw = Array.from(
      { length: n },
      (_, j) =>
        a.reduce((s, ai, i) => s + (rows[i]?.[j] as number) * (ai - (labels[i] as number)), 0) / m,
    );
    expectClose(gradOf(W), dw, { atol: 1e-14 });
    expectClose(gradOf(b), [a.reduce((s, ai, i) => s + ai - (labels[i] as number), 0) / m], {
      atol: 1e-14,
    });
  });

  it("one SGD step gives exactly w − α·x(a − y)", () => {
    const { W, b } = model();
    const alpha = 0.5;
    const w0 = flat(W);
    const b0 = b.item();
    const opt = new SGD([W, b], { lr: alpha });
    const xi = X.slice([[0, 1]]);
    const yi = y.slice([[0, 1]]);
    binaryCrossEntropy(sigmoid(xi.matmul(W).add(b)), yi).backward();
    const gw = flat(gradOf(W));
    const gb = gradOf(b).item();
    opt.step();
    // bit-exact against the update rule applied to autodiff's gradient …
    expect(flat(W)).toEqual(w0.map((wj, j) => wj - alpha * (gw[j] as number)));
    expect(b.item()).toBe(b0 - alpha * gb);
    // … which is the lecture's closed form
    const err = (activations(w0, b0)[0] as number) - (labels[0] as number);
    expectClose(
      W,
      w0.map((wj, j) => wj - alpha * (rows[0]?.[j] as number) * err),
      { atol: 1e-14 },
    );
    expectClose(b, [b0 - alpha * err], { atol: 1e-14 });
  });
});
