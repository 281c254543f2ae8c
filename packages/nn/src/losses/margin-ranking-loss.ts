import { ArgumentError, type Tensor } from "@fluxion/core";
import { checkReduction, type Reduction, reduce } from "./reduction.js";
import { checkFloat, checkSameFloat, checkSameShape, checkTensor } from "./validate.js";

/** Options of `marginRankingLoss`. */
export interface MarginRankingLossOptions {
  /** Required gap between the two scores (default 0). */
  margin?: number;
  /** How the per-element losses are combined: `"mean"` (default), `"sum"` or `"none"` (PyTorch's `reduction`). */
  reduction?: Reduction;
}

/**
 * Ranking loss max(0, −y·(x1 − x2) + margin), PyTorch's `margin_ranking_loss`: y = 1 says x1
 * should rank higher than x2, y = −1 the opposite. All three shapes must match.
 *
 * @example
 * marginRankingLoss(tensor([1, 2]), tensor([2, 1]), tensor([1, 1]), { margin: 0.5 }); // mean of 1.5, 0
 */
export function marginRankingLoss(
  input1: Tensor,
  input2: Tensor,
  target: Tensor,
  options: MarginRankingLossOptions = {},
): Tensor {
  const op = "marginRankingLoss";
  const reduction = checkReduction(op, options.reduction);
  const margin = options.margin ?? 0;
  if (typeof margin !== "number" || !Number.isFinite(margin))
    throw new ArgumentError(`${op}: margin must be a finite number, got ${String(margin)}`);
  checkTensor(op, "input1", input1);
  checkTensor(op, "input2", input2);
  checkTensor(op, "target", target);
  checkFloat(op, "input1", input1);
  checkSameFloat(op, "input2", input2, input1);
  checkSameFloat(op, "target", target, input1);
  checkSameShape(op, "input2", input2, input1);
  checkSameShape(op, "target", target, input1);
  const loss = target.neg().mul(input1.sub(input2)).add(margin).clamp(0);
  return reduce(loss, reduction);
}
