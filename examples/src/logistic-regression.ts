/**
 * The lecture's slide, in code: logistic regression with two features. z = XW + b, a = σ(z),
 * loss −[y log a + (1 − y) log(1 − a)], cost J = the mean over m examples. Autodiff's gradients are
 * printed beside the hand formulas ∂J/∂W = Xᵀ(a − y)/m and ∂J/∂b = mean(a − y), then SGD trains it.
 *
 * Run: npx tsx --conditions=@fluxion/source examples/src/logistic-regression.ts
 */
import { sigmoid } from "@fluxion/activations";
import { Generator, randn, type Tensor, tensor, zeros } from "@fluxion/core";
import { binaryCrossEntropy, SGD } from "@fluxion/nn";
import { isMain } from "./util/is-main.js";

/** Two Gaussian blobs of m/2 points each: class 0 around (−1, −1), class 1 around (1, 1). */
export function blobs(m: number, seed: number): { X: Tensor; y: Tensor } {
  const g = new Generator(seed);
  const rows: number[][] = [];
  const labels: number[][] = [];
  for (let i = 0; i < m; i++) {
    const c = i % 2;
    const centre = c === 1 ? 1 : -1;
    rows.push([centre + g.normal(), centre + g.normal()]);
    labels.push([c]);
  }
  return { X: tensor(rows, { dtype: "float64" }), y: tensor(labels, { dtype: "float64" }) };
}

export interface LogisticRegressionResult {
  /** Autodiff's ∂J/∂W and ∂J/∂b at the initial weights, and the hand formulas' values. */
  autodiff: { dW: number[]; db: number };
  byHand: { dW: number[]; db: number };
  /** Cost J after each epoch. */
  costs: number[];
  /** Training accuracy at the end. */
  accuracy: number;
}

/**
 * Builds the model, compares the gradients, trains with plain SGD (learning rate α) and reports.
 *
 * @example
 * const { autodiff, byHand } = runLogisticRegression({ epochs: 10 });
 */
export function runLogisticRegression(
  options: { m?: number; epochs?: number; lr?: number; seed?: number } = {},
): LogisticRegressionResult {
  const { X, y } = blobs(options.m ?? 200, options.seed ?? 0);
  const m = X.shape[0] as number;
  const W = randn([2, 1], { dtype: "float64", generator: new Generator(1) })
    .mul(0.1)
    .detach()
    .requiresGrad_();
  const b = zeros([1], { dtype: "float64", requiresGrad: true });
  const forward = () => sigmoid(X.matmul(W).add(b)); // a = σ(XW + b)

  // Gradients: autodiff against the lecture's formulas.
  const a = forward();
  binaryCrossEntropy(a, y).backward(); // J = mean of the per-example losses
  const residual = a.detach().sub(y); // a − y
  const byHand = {
    dW: Array.from(X.T.matmul(residual).div(m).data()), // Xᵀ(a − y) / m
    db: residual.mean().item(), // mean(a − y)
  };
  const autodiff = { dW: Array.from((W.grad as Tensor).data()), db: (b.grad as Tensor).item() };

  // Training: w ← w − α ∂J/∂w.
  const opt = new SGD([W, b], { lr: options.lr ?? 0.5 });
  const costs: number[] = [];
  for (let epoch = 0; epoch < (options.epochs ?? 100); epoch++) {
    opt.zeroGrad();
    const cost = binaryCrossEntropy(forward(), y);
    cost.backward();
    opt.step();
    costs.push(cost.item());
  }
  const accuracy = forward().gt(0.5).eq(y).sum().item() / m;
  return { autodiff, byHand, costs, accuracy };
}

if (isMain(import.meta.url)) {
  const r = runLogisticRegression();
  const fmt = (v: number) => v.toExponential(12);
  console.log("gradient   autodiff              by hand (lecture)");
  r.byHand.dW.forEach((v, i) => {
    console.log(`∂J/∂w${i + 1}     ${fmt(r.autodiff.dW[i] as number)}  ${fmt(v)}`);
  });
  console.log(`∂J/∂b      ${fmt(r.autodiff.db)}  ${fmt(r.byHand.db)}`);
  r.costs.forEach((c, i) => {
    if (i % 20 === 0 || i === r.costs.length - 1)
      console.log(`epoch ${String(i + 1).padStart(3)}  J = ${c.toFixed(6)}`);
  });
  console.log(`training accuracy ${(r.accuracy * 100).toFixed(1)}%`);
}
