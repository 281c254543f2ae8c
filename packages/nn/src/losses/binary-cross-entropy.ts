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

/**
 * Binary cross-entropy on probabilities, −w·[y log x + (1 − y) log(1 − x)], with each log clamped
 * at −100 as PyTorch does, so the loss is always finite. Input and target hold probabilities in
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
  const loss = target
    .mul(clampedLog(input))
    .add(target.neg().add(1).mul(clampedLog1m(input)))
    .neg();
  if (options.weight === undefined) return reduce(loss, reduction);
  return reduce(loss.mul(checkElementWeight(op, "weight", options.weight, input)), reduction);
}
