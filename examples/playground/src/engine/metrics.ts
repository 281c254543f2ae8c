import { grad, noGrad, type Tensor, tensor } from "@fluxion/core";
import type { Extent } from "./datasets.js";
import type { Mlp } from "./model.js";

/** A unit is dead when its local gradient (or, for axis activations, its output) stays below this. */
export const DEAD_THRESHOLD = 1e-8;

/**
 * Each hidden layer's pre-activations on inputs x (no graph kept).
 *
 * @example
 * const [z0] = preActivations(net, xTrain); // [n, width]
 */
export function preActivations(net: Mlp, x: Tensor): Tensor[] {
  const captured: Tensor[] = [];
  noGrad(() => net.forward(x, captured));
  return captured;
}

/**
 * f'(z) of hidden layer `layer`'s activation, elementwise, by Fluxion's autodiff (so it is right
 * for every activation and option, prelu's learned slope included): the gradient of Σ f(z).
 *
 * @example
 * localDerivative(net, 0, z0); // same shape as z0
 */
export function localDerivative(net: Mlp, layer: number, z: Tensor): Tensor {
  return grad((t) => net.activate(layer, t).sum())(z);
}

/**
 * Per hidden layer, the fraction of dead units on inputs x: units whose local gradient |f'(z)| is
 * below 1e-8 for every example (ReLU: input never positive). For an activation of a whole layer
 * (softmax), whose Σ f is constant, a unit is dead when its output stays below 1e-8 instead.
 * `pre`: x's pre-activations, if already computed.
 *
 * @example
 * deadFractions(net, xTrain); // e.g. [0, 0.125, 0.5]
 */
export function deadFractions(net: Mlp, x: Tensor, pre = preActivations(net, x)): number[] {
  return pre.map((z, layer) => {
    const signal =
      net.activation.kind === "axis"
        ? noGrad(() => net.activate(layer, z))
        : localDerivative(net, layer, z);
    const alive = signal.abs().max(0).gt(DEAD_THRESHOLD);
    const units = alive.shape[0] ?? 1;
    return 1 - alive.sum().item() / units;
  });
}

/**
 * The L2 norm of each Linear layer's weight gradient (the output layer last), as the last
 * backward pass left them; [] when there is none yet.
 *
 * @example
 * gradNorms(net); // e.g. [1e-9, 1e-6, 0.01]
 */
export function gradNorms(net: Mlp): number[] {
  if (net.linears.some((l) => l.weight.grad === null)) return [];
  return noGrad(() =>
    net.linears.map((l) => {
      const g = l.weight.grad;
      return g ? Math.sqrt(g.square().sum().item()) : 0;
    }),
  );
}

/**
 * A histogram of `values` in `bins` equal bins spanning their range (a unit range around a
 * constant); non-finite values are left out.
 *
 * @example
 * histogram(Float32Array.of(0, 1, 1, 2), 2); // { edges: [0, 1, 2], counts: [1, 3] }
 */
export function histogram(
  values: ArrayLike<number>,
  bins: number,
): { edges: number[]; counts: number[] } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) [lo, hi] = [-1, 1];
  if (hi - lo < 1e-12) [lo, hi] = [lo - 0.5, hi + 0.5];
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const b = Math.min(bins - 1, Math.floor((v - lo) / width));
    counts[b] = (counts[b] ?? 0) + 1;
  }
  return { edges, counts };
}

/**
 * Hidden layer `layer`'s activation f and its derivative f' (by autodiff) at `points` evenly
 * spaced x from lo to hi. An activation of a whole layer (softmax) is shown for one unit whose
 * input is x while the layer's other units get 0.
 *
 * @example
 * activationCurve(net, 0, -4, 4, 101); // { x, f, df }, 101 values each
 */
export function activationCurve(
  net: Mlp,
  layer: number,
  lo: number,
  hi: number,
  points: number,
): { x: number[]; f: number[]; df: number[] } {
  const xs = Array.from({ length: points }, (_, i) => lo + ((hi - lo) * i) / (points - 1));
  const units = net.activation.kind === "axis" ? (net.linears[layer]?.outFeatures ?? 1) : 1;
  const input = tensor(xs.map((v) => Array.from({ length: units }, (_, j) => (j === 0 ? v : 0))));
  const first = (t: Tensor) => net.activate(layer, t).slice([null, 0]);
  const f = noGrad(() => first(input)).data();
  const df = grad((t) => first(t).sum())(input)
    .slice([null, 0])
    .data();
  return { x: xs, f: Array.from(f, Number), df: Array.from(df, Number) };
}

/**
 * P(label 1) = σ(logit) at the centres of a resolution × resolution grid over `extent`, in one
 * batched forward pass; row-major with row 0 at the bottom (y near yMin), column 0 at the left.
 *
 * @example
 * boundaryGrid(net, extent, 64).length; // 4096
 */
export function boundaryGrid(net: Mlp, extent: Extent, resolution: number): Float32Array {
  const { xMin, xMax, yMin, yMax } = extent;
  const cells = new Float32Array(resolution * resolution * 2);
  for (let r = 0; r < resolution; r++) {
    const y = yMin + ((r + 0.5) * (yMax - yMin)) / resolution;
    for (let c = 0; c < resolution; c++) {
      const k = 2 * (r * resolution + c);
      cells[k] = xMin + ((c + 0.5) * (xMax - xMin)) / resolution;
      cells[k + 1] = y;
    }
  }
  const grid = tensor(cells).reshape([resolution * resolution, 2]);
  const probs = noGrad(() => net.forward(grid).sigmoid()).data();
  return Float32Array.from(probs, Number);
}
