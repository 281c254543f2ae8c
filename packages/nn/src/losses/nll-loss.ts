import type { Tensor } from "@fluxion/core";
import {
  checkClassWeight,
  classAxis,
  type IndexTargets,
  indexTargets,
  pickTargets,
} from "./class-targets.js";
import { checkReduction, type Reduction, weightedMean } from "./reduction.js";
import { checkFloat, checkTensor } from "./validate.js";

/** Options of `nllLoss`. */
export interface NllLossOptions {
  /** One weight per class (shape [C]). */
  weight?: Tensor;
  /** Targets equal to this contribute nothing, not even to the mean's denominator (default −100). */
  ignoreIndex?: number;
  /** How the per-element losses are combined: `"mean"` (default), `"sum"` or `"none"` (PyTorch's `reduction`). */
  reduction?: Reduction;
}

/**
 * The per-target losses −w[yₙ]·logp[n, yₙ] (0 for ignored targets) and their PyTorch reduction:
 * "mean" divides the sum by Σ w[yₙ] over non-ignored targets (NaN when every target is ignored, with a zero gradient, as in PyTorch).
 */
export function nllReduce(
  logp: Tensor,
  targets: IndexTargets,
  axis: number,
  reduction: Reduction,
): Tensor {
  const loss = pickTargets(logp, targets.safe, axis).mul(targets.weights).neg();
  if (reduction === "none") return loss;
  if (reduction === "sum") return loss.sum();
  return weightedMean(loss.sum(), targets.weights.sum());
}

/**
 * Negative log-likelihood on log-probabilities of shape [C] or [N, C, d1, …] with int32
 * class-index targets of shape [] or [N, d1, …], like PyTorch's `nll_loss`.
 *
 * @example
 * const logp = logits.sub(logits.logSumExp(1, true));
 * nllLoss(logp, tensor([0, 2], { dtype: "int32" }));
 */
export function nllLoss(input: Tensor, target: Tensor, options: NllLossOptions = {}): Tensor {
  const op = "nllLoss";
  const reduction = checkReduction(op, options.reduction);
  checkTensor(op, "input", input);
  checkTensor(op, "target", target);
  checkFloat(op, "input", input);
  const axis = classAxis(op, input);
  const weight = checkClassWeight(op, options.weight, input, input.shape[axis] as number);
  const targets = indexTargets(op, input, target, axis, weight, options.ignoreIndex ?? -100);
  return nllReduce(input, targets, axis, reduction);
}
