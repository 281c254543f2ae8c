import { twoProdErr } from "./dd.js";
import { erfc } from "./erf.js";

// 1/√2 as a double-double pair hi + lo, 1/√(2π) and 2/√π rounded (mpmath, 50 digits)
const SQRT1_2_HI = Math.SQRT1_2;
const SQRT1_2_LO = -4.833646656726457e-17;
const INV_SQRT_2PI = 0.3989422804014327; // hi part; the lo part (-2.5e-17) is below the other errors
const TWO_OVER_SQRT_PI = 1.1283791670955126;

/**
 * Φ(x), the standard normal CDF, to about one ulp also in the lower tail (Φ(−37) ≈ 5.7e-300).
 *
 * @example
 * normalCdf(-10); // 7.61985302416047e-24
 */
export function normalCdf(x: number): number {
  // NOTE: Φ(x) = ½ erfc(−x/√2). Rounding −x/√2 would cost a relative error of about x²·2⁻⁵³ in the
  // tail (1e-13 at x = −37), so z = −x/√2 is formed as hi + lo and erfc is corrected to first
  // order: erfc(hi + lo) = erfc(hi) − lo · (2/√π) e^(−hi²).
  // Beyond ±40, Φ is 0 or 1 in double precision (Φ(−38.5) is below the smallest subnormal).
  if (x < -40) return 0;
  if (x > 40) return 1;
  const hi = -x * SQRT1_2_HI;
  const lo = twoProdErr(-x, SQRT1_2_HI, hi) - x * SQRT1_2_LO;
  const e = erfc(hi);
  if (e === 0 || e === 2) return 0.5 * e;
  return 0.5 * (e - lo * TWO_OVER_SQRT_PI * Math.exp(-hi * hi));
}

/**
 * φ(x) = e^(−x²/2)/√(2π), the standard normal density, to a few ulps for every x.
 *
 * @example
 * normalPdf(0); // 0.3989422804014327
 */
export function normalPdf(x: number): number {
  // NOTE: x² is formed exactly as p + err (rounding it would cost x²·2⁻⁵³ relative, 1e-13 at 37).
  if (x !== x) return x;
  // Beyond ±40, φ underflows to 0 (φ(38.6) is below the smallest subnormal).
  if (Math.abs(x) > 40) return 0;
  const p = x * x;
  const err = twoProdErr(x, x, p);
  return INV_SQRT_2PI * Math.exp(-0.5 * p) * (1 - 0.5 * err);
}
