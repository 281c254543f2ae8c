import type { Tensor } from "@fluxion/core";
import { checkReduction, type Reduction, reduce } from "./reduction.js";
import { checkFloat, checkSameFloat, checkSameShape, checkTensor } from "./validate.js";

/** Options of `mseLoss`. */
export interface MseLossOptions {
  /** How the per-element losses are combined: `"mean"` (default), `"sum"` or `"none"` (PyTorch's `reduction`). */
  reduction?: Reduction;
}

/**
 * Mean squared error: (input − target)², reduced. Shapes must match.
 *
 * @example
 * mseLoss(tensor([1, 2]), tensor([1, 4])).item(); // 2
 */
export function mseLoss(input: Tensor, target: Tensor, options: MseLossOptions = {}): Tensor {
  const op = "mseLoss";
  const reduction = checkReduction(op, options.reduction);
  checkTensor(op, "input", input);
  checkTensor(op, "target", target);
  checkFloat(op, "input", input);
  checkSameFloat(op, "target", target, input);
  checkSameShape(op, "target", target, input);
  const d = input.sub(target);
  return reduce(d.mul(d), reduction);
}
