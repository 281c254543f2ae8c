import { ArgumentError, type Tensor, where } from "@fluxion/core";
import { checkPair } from "./pointwise.js";
import { checkReduction, type Reduction, reduce } from "./reduction.js";

/** Options of `smoothL1Loss`. */
export interface SmoothL1LossOptions {
  /** Where the loss turns from quadratic to linear (default 1; 0 gives the L1 loss). */
  beta?: number;
  /** How the per-element losses are combined: `"mean"` (default), `"sum"` or `"none"` (PyTorch's `reduction`). */
  reduction?: Reduction;
}

/**
 * Smooth L1 loss, PyTorch's `smooth_l1_loss`: with d = input − target, 0.5·d²/β where |d| < β,
 * else |d| − 0.5·β (the L1 loss when β = 0), reduced. Shapes must match.
 *
 * @example
 * smoothL1Loss(tensor([0, 0]), tensor([0.5, 3])).item(); // (0.125 + 2.5) / 2
 */
export function smoothL1Loss(
  input: Tensor,
  target: Tensor,
  options: SmoothL1LossOptions = {},
): Tensor {
  const op = "smoothL1Loss";
  const reduction = checkReduction(op, options.reduction);
  const beta = options.beta ?? 1;
  if (typeof beta !== "number" || !(beta >= 0) || beta === Infinity)
    throw new ArgumentError(
      `${op}: beta must be a finite non-negative number, got ${String(beta)}`,
    );
  const [x, y] = checkPair(op, input, target);
  const d = x.sub(y);
  const absD = d.abs();
  if (beta === 0) return reduce(absD, reduction);
  const loss = where(absD.lt(beta), d.mul(d).mul(0.5 / beta), absD.sub(0.5 * beta));
  return reduce(loss, reduction);
}
