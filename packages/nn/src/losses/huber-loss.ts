import { ArgumentError, type Tensor, where } from "@fluxion/core";
import { checkPair } from "./pointwise.js";
import { checkReduction, type Reduction, reduce } from "./reduction.js";

/** Options of `huberLoss`. */
export interface HuberLossOptions {
  /** Where the loss turns from quadratic to linear, > 0 (default 1). */
  delta?: number;
  /** How the per-element losses are combined: `"mean"` (default), `"sum"` or `"none"` (PyTorch's `reduction`). */
  reduction?: Reduction;
}

/**
 * Huber loss, PyTorch's `huber_loss`: with d = input − target, 0.5·d² where |d| < δ, else
 * δ·(|d| − 0.5·δ), reduced (δ times `smoothL1Loss` with β = δ). Shapes must match.
 *
 * @example
 * huberLoss(tensor([0, 0]), tensor([0.5, 3]), { delta: 2 }).item(); // (0.125 + 4) / 2
 */
export function huberLoss(input: Tensor, target: Tensor, options: HuberLossOptions = {}): Tensor {
  const op = "huberLoss";
  const reduction = checkReduction(op, options.reduction);
  const delta = options.delta ?? 1;
  if (typeof delta !== "number" || !(delta > 0) || delta === Infinity)
    throw new ArgumentError(`${op}: delta must be a finite positive number, got ${String(delta)}`);
  const [x, y] = checkPair(op, input, target);
  const d = x.sub(y);
  const absD = d.abs();
  const loss = where(absD.lt(delta), d.mul(d).mul(0.5), absD.sub(0.5 * delta).mul(delta));
  return reduce(loss, reduction);
}
