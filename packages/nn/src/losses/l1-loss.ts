import type { Tensor } from "@fluxion/core";
import { checkPair } from "./pointwise.js";
import { checkReduction, type Reduction, reduce } from "./reduction.js";

/** Options of `l1Loss`. */
export interface L1LossOptions {
  /** How the per-element losses are combined: `"mean"` (default), `"sum"` or `"none"` (PyTorch's `reduction`). */
  reduction?: Reduction;
}

/**
 * Mean absolute error: |input − target|, reduced, PyTorch's `l1_loss`. Shapes must match.
 *
 * @example
 * l1Loss(tensor([1, 2]), tensor([1, 5])).item(); // 1.5
 */
export function l1Loss(input: Tensor, target: Tensor, options: L1LossOptions = {}): Tensor {
  const op = "l1Loss";
  const reduction = checkReduction(op, options.reduction);
  const [x, y] = checkPair(op, input, target);
  return reduce(x.sub(y).abs(), reduction);
}
