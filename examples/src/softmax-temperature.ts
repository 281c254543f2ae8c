/**
 * Softmax as a differentiable stand-in for argmax (the lecture's claim 5): as the temperature T
 * falls, softmax(z / T) approaches the one-hot vector of argmax z, while gradients still flow
 * through it (argmax has none). Also: for two classes, softmax is the sigmoid of the difference.
 *
 * Run: npx tsx --conditions=@fluxion/source examples/src/softmax-temperature.ts
 */
import { sigmoid, softmax } from "@fluxion/activations";
import { argmax, oneHot, type Tensor, tensor } from "@fluxion/core";
import { isMain } from "./util/is-main.js";

export interface TemperatureRow {
  temperature: number;
  probabilities: number[];
  /** max |softmax(z/T) − onehot(argmax z)|. */
  distanceToOneHot: number;
  /** ‖∂ softmax(z/T)[argmax] / ∂z‖: gradients still flow, though they shrink at low T. */
  gradientNorm: number;
}

export interface SoftmaxTemperatureResult {
  rows: TemperatureRow[];
  /** max |softmax([a, b])[0] − σ(a − b)| over sample pairs (should be ~1e-16). */
  twoClassGap: number;
  /** The message of the error raised when asking for a gradient through argmax. */
  argmaxError: string;
}

/**
 * Softmax of fixed logits at falling temperatures.
 *
 * @example
 * runSoftmaxTemperature().rows.at(-1)?.distanceToOneHot; // tiny
 */
export function runSoftmaxTemperature(
  temperatures = [10, 3, 1, 0.3, 0.1, 0.03],
): SoftmaxTemperatureResult {
  const logits = [1.2, 2.9, 0.3, 2.5];
  const winner = argmax(tensor(logits)).item();
  const target = oneHot(tensor([winner], { dtype: "int32" }), logits.length, {
    dtype: "float64",
  }).reshape([-1]);
  const rows = temperatures.map((temperature) => {
    const z = tensor(logits, { dtype: "float64", requiresGrad: true });
    const p = softmax(z, { temperature });
    p.gather(0, tensor([winner], { dtype: "int32" }))
      .sum()
      .backward();
    const g = (z.grad as Tensor).data();
    return {
      temperature,
      probabilities: Array.from(p.detach().data()),
      distanceToOneHot: p.detach().sub(target).abs().max().item(),
      gradientNorm: Math.hypot(...g),
    };
  });
  let twoClassGap = 0;
  for (const [a, b] of [
    [0, 0],
    [3, -1],
    [-7.5, 2],
    [40, 41],
  ] as const) {
    const s = softmax(tensor([a, b], { dtype: "float64" })).data()[0] as number;
    const sig = sigmoid(tensor(a - b, { dtype: "float64" })).item();
    twoClassGap = Math.max(twoClassGap, Math.abs(s - sig));
  }
  let argmaxError = "";
  try {
    argmax(tensor(logits, { requiresGrad: true })).backward();
  } catch (e) {
    argmaxError = (e as Error).message;
  }
  return { rows, twoClassGap, argmaxError };
}

if (isMain(import.meta.url)) {
  const r = runSoftmaxTemperature();
  console.log("T        softmax(z / T)                          max |p − onehot|   ‖∇‖");
  for (const row of r.rows) {
    console.log(
      `${String(row.temperature).padEnd(8)} [${row.probabilities.map((p) => p.toFixed(4)).join(", ")}]   ${row.distanceToOneHot.toExponential(2)}          ${row.gradientNorm.toExponential(2)}`,
    );
  }
  console.log(`two classes: max |softmax([a, b])₀ − σ(a − b)| = ${r.twoClassGap.toExponential(2)}`);
  console.log(`gradient through argmax: ${r.argmaxError}`);
}
