/**
 * Error-free transformations (Dekker 1971, Knuth TAOCP 4.2.2): a product or sum of two doubles
 * as an unevaluated pair hi + lo, so that arguments of exp can be formed without rounding error.
 * JavaScript has no fused multiply-add, so the product splits its operands (Veltkamp).
 */

const SPLITTER = 134217729; // 2^27 + 1

/** The rounding error of a·b: a·b = fl(a·b) + twoProdErr(a, b, fl(a·b)) exactly (no overflow). */
export function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}

/** The rounding error of a + b: a + b = fl(a + b) + twoSumErr(a, b, fl(a + b)) exactly. */
export function twoSumErr(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}
