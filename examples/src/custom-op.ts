/**
 * A user-defined differentiable op: log cosh x, a smooth robust loss (quadratic near 0, linear in
 * the tails). It is defined with the same `defineOp` the built-in ops use, checked with the public
 * `gradcheck` and `gradgradcheck`, used to fit a line through data with outliers, and its second
 * derivative is taken.
 *
 * Run: npx tsx --conditions=@fluxion/source examples/src/custom-op.ts
 */
import { tanh } from "@fluxion/activations";
import {
  defineOp,
  Generator,
  grad,
  gradcheck,
  gradgradcheck,
  randn,
  type Tensor,
  tensor,
  zeros,
} from "@fluxion/core";
import { Adam, mseLoss } from "@fluxion/nn";
import { isMain } from "./util/is-main.js";

const logCoshOp = defineOp<[Tensor]>({
  name: "logCosh",
  shape: ([x]) => x.shape,
  // NOTE: log cosh x = |x| + log1p(e^−2|x|) − log 2, which never overflows (cosh does for |x| > 710).
  compute: ([x]) => {
    const a = x.abs();
    return a.add(a.mul(-2).exp().log1p()).sub(Math.LN2);
  },
  // d/dx log cosh x = tanh x
  vjp: (g, { inputs: [x] }) => [g.mul(tanh(x))],
});

/**
 * log cosh x, elementwise: a user op with its own gradient rule.
 *
 * @example
 * logCosh(tensor([0, 1])); // [0, 0.4338]
 */
export function logCosh(x: Tensor): Tensor {
  return logCoshOp([x]);
}

export interface CustomOpResult {
  gradcheckOk: boolean;
  gradgradcheckOk: boolean;
  /** d²/dx² log cosh x at the sample points, by grad(grad(…)), and 1 − tanh² x in closed form. */
  secondDerivative: { x: number[]; autodiff: number[]; closedForm: number[] };
  /** Slope and intercept fitted with the logCosh loss and with the mean squared error (true: 2, 1). */
  fits: { logCosh: [number, number]; mse: [number, number] };
}

/** A line y = 2x + 1 with Gaussian noise, and every tenth point thrown far off. */
function lineWithOutliers(n: number, g: Generator): { x: Tensor; y: Tensor } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = -2 + (4 * i) / (n - 1);
    xs.push(x);
    ys.push(2 * x + 1 + 0.1 * g.normal() + (i % 10 === 0 ? 15 : 0));
  }
  return { x: tensor(xs, { dtype: "float64" }), y: tensor(ys, { dtype: "float64" }) };
}

function fitLine(
  x: Tensor,
  y: Tensor,
  loss: (residual: Tensor) => Tensor,
  steps: number,
): [number, number] {
  const w = zeros([], { dtype: "float64", requiresGrad: true });
  const b = zeros([], { dtype: "float64", requiresGrad: true });
  const opt = new Adam([w, b], { lr: 0.05 });
  for (let i = 0; i < steps; i++) {
    opt.zeroGrad();
    loss(x.mul(w).add(b).sub(y)).backward();
    opt.step();
  }
  return [w.item(), b.item()];
}

/**
 * Checks the op, takes its second derivative and fits the line both ways.
 *
 * @example
 * runCustomOp({ steps: 200 }).gradcheckOk; // true
 */
export function runCustomOp(options: { steps?: number; seed?: number } = {}): CustomOpResult {
  const g = new Generator(options.seed ?? 0);
  const sample = randn([3, 4], { dtype: "float64", generator: g }).mul(3);
  const gradcheckOk = gradcheck(logCosh, [sample]).ok;
  const gradgradcheckOk = gradgradcheck(logCosh, [sample]).ok;

  const xs = [-3, -0.5, 0, 0.7, 2.5];
  const d2 = grad(grad((x) => logCosh(x).sum()));
  const autodiff = xs.map((v) => (d2(tensor([v], { dtype: "float64" })) as Tensor).item());
  const closedForm = xs.map((v) => 1 - Math.tanh(v) ** 2);

  const { x, y } = lineWithOutliers(60, g);
  const steps = options.steps ?? 600;
  const fits = {
    logCosh: fitLine(x, y, (r) => logCosh(r).mean(), steps),
    mse: fitLine(x, y, (r) => mseLoss(r, zeros(r.shape, { dtype: "float64" })), steps),
  };
  return { gradcheckOk, gradgradcheckOk, secondDerivative: { x: xs, autodiff, closedForm }, fits };
}

if (isMain(import.meta.url)) {
  const r = runCustomOp();
  console.log(
    `gradcheck: ${r.gradcheckOk ? "passed" : "FAILED"}; gradgradcheck: ${r.gradgradcheckOk ? "passed" : "FAILED"}`,
  );
  console.log("x       d²/dx² by grad(grad(logCosh))   1 − tanh² x");
  r.secondDerivative.x.forEach((v, i) => {
    console.log(
      `${v.toFixed(2).padStart(5)}   ${(r.secondDerivative.autodiff[i] as number).toFixed(15)}             ${(r.secondDerivative.closedForm[i] as number).toFixed(15)}`,
    );
  });
  const line = ([w, b]: [number, number]) => `y = ${w.toFixed(3)}x + ${b.toFixed(3)}`;
  console.log(
    `fit through data with outliers (truth y = 2x + 1): logCosh loss ${line(r.fits.logCosh)}; squared error ${line(r.fits.mse)}`,
  );
}
