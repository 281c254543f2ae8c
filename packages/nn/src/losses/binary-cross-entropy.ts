import { type Tensor, where } from "@fluxion/core";
import { checkReduction, type Reduction, reduce } from "./reduction.js";
import {
  checkElementWeight,
  checkFloat,
  checkProbabilities,
  checkSameFloat,
  checkSameShape,
  checkTensor,
} from "./validate.js";

/** Options of `binaryCrossEntropy`. */
export interface BinaryCrossEntropyOptions {
  /** Rescaling weight of each element, broadcast to the input's shape. */
  weight?: Tensor;
  /** How the per-element losses are combined: `"mean"` (default), `"sum"` or `"none"` (PyTorch's `reduction`). */
  reduction?: Reduction;
}

/**
 * max(log x, −100), and 0 gradient where the clamp is active.
 *
 * NOTE: log(0) is never evaluated: positions with x ≤ 0 read log(1) and are then replaced by −100,
 * so the gradient there is 0 instead of 0·∞ = NaN.
 */
function clampedLog(x: Tensor): Tensor {
  const ok = x.gt(0);
  return where(ok, where(ok, x, 1).log().clamp(-100), -100);
}

/** max(log(1 − x), −100), through log1p (accurate for small x), with the same guard as above. */
function clampedLog1m(x: Tensor): Tensor {
  const ok = x.lt(1);
  return where(ok, where(ok, x, 0).neg().log1p().clamp(-100), -100);
}

/** PyTorch's EPSILON in binary_cross_entropy_backward. */
const BCE_EPS = 1e-12;

/**
 * A term whose value is 0 and whose derivative in x is PyTorch's BCE backward,
 * (x − y) / max(x(1 − x), 1e-12): s − s.detach() for an antiderivative s of it. Where
 * x(1 − x) ≥ 1e-12, s = −[y log x + (1 − y) log(1 − x)]; elsewhere the denominator is the constant
 * 1e-12 and s = (x − y)² / 2e-12. Differentiating again gives that formula's own derivative, so
 * grad-of-grad matches PyTorch's double backward.
 *
 * NOTE: PyTorch's backward does not see the −100 clamp of the forward: at x = 0, y = 1 the loss is
 * flat (100) but the gradient, −1e12, still pushes the prediction back towards the target.
 */
function bceGradientPath(x: Tensor, y: Tensor): Tensor {
  const inner = x.mul(x.neg().add(1)).ge(BCE_EPS);
  const xs = where(inner, x, 0.5);
  const logTerm = y.mul(xs.log()).add(y.neg().add(1).mul(xs.neg().log1p())).neg();
  const quadTerm = x
    .sub(y)
    .pow(2)
    .div(2 * BCE_EPS);
  const s = where(inner, logTerm, quadTerm);
  return s.sub(s.detach());
}

/**
 * Binary cross-entropy on probabilities, −w·[y log x + (1 − y) log(1 − x)], with each log clamped
 * at −100 as PyTorch does, so the loss is always finite. The gradient is PyTorch's,
 * w·(x − y) / max(x(1 − x), 1e-12), even where a log is clamped. Input and target hold probabilities in
 * [0, 1] and have the same shape. Prefer `binaryCrossEntropyWithLogits` on raw scores.
 *
 * @example
 * binaryCrossEntropy(tensor([0.9, 0.2]), tensor([1, 0])); // −(log 0.9 + log 0.8) / 2
 */
export function binaryCrossEntropy(
  input: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyOptions = {},
): Tensor {
  const op = "binaryCrossEntropy";
  const reduction = checkReduction(op, options.reduction);
  checkTensor(op, "input", input);
  checkTensor(op, "target", target);
  checkFloat(op, "input", input);
  checkSameFloat(op, "target", target, input);
  checkSameShape(op, "target", target, input);
  checkProbabilities(op, "input", input);
  checkProbabilities(op, "target", target);
  // The value uses the clamped logs (with x held constant, so only the target's gradient flows from
  // it); the input's gradient comes from `bceGradientPath`, whose value is exactly zero.
  const x0 = input.detach();
  const value = target
    .mul(clampedLog(x0))
    .add(target.neg().add(1).mul(clampedLog1m(x0)))
    .neg();
  const loss = value.add(bceGradientPath(input, target.detach()));
  if (options.weight === undefined) return reduce(loss, reduction);
  return reduce(loss.mul(checkElementWeight(op, "weight", options.weight, input)), reduction);
}
