import type { Tensor } from "@fluxion/core";
import { logSigmoid } from "./log-sigmoid.js";
import { checkPair } from "./pointwise.js";
import { checkReduction, type Reduction, reduce } from "./reduction.js";

/** Options of `softMarginLoss`. */
export interface SoftMarginLossOptions {
  /** How the per-element losses are combined: `"mean"` (default), `"sum"` or `"none"` (PyTorch's `reduction`). */
  reduction?: Reduction;
}

/**
 * Two-class logistic loss log(1 + exp(−y·x)) for targets y of ±1, PyTorch's
 * `soft_margin_loss`, reduced. Shapes must match.
 * NOTE: computed as −log σ(y·x), which stays finite where PyTorch's log1p(exp(−y·x)) overflows
 * (y·x < −709 in float64); elsewhere the two agree.
 *
 * @example
 * softMarginLoss(tensor([2, -1]), tensor([1, 1])); // mean of log(1 + e⁻²), log(1 + e)
 */
export function softMarginLoss(
  input: Tensor,
  target: Tensor,
  options: SoftMarginLossOptions = {},
): Tensor {
  const op = "softMarginLoss";
  const reduction = checkReduction(op, options.reduction);
  const [x, y] = checkPair(op, input, target);
  return reduce(logSigmoid(x.mul(y)).neg(), reduction);
}
