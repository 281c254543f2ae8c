import { type Tensor, where } from "@fluxion/core";

/**
 * log σ(x) = min(x, 0) − log(1 + e^−|x|), finite for every finite x.
 *
 * NOTE: min(x, 0) and |x| are written with `where` on the same condition (x < 0), so at x = 0 both
 * take the x ≥ 0 branch and the derivative is the exact 1 − σ(0) = ½; separate max/abs rules
 * would give an inconsistent one-sided mix there.
 */
export function logSigmoid(x: Tensor): Tensor {
  const negative = x.lt(0);
  const xNeg = where(negative, x, 0);
  const absX = where(negative, x.neg(), x);
  return xNeg.sub(absX.neg().exp().log1p());
}
