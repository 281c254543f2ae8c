/**
 * Scalar activation functions and their derivatives in full double precision, for backends'
 * fused kernels. Each is accurate to a few ulps over the whole double range (checked against
 * mpmath in @fluxion/activations), never overflows for finite input, and propagates NaN.
 * A derivative is computed from the input x, not the output y: from y, σ'(40) = y(1 − y) is 0
 * because y rounds to 1, while σ'(40) = 4.2e-18.
 */
import { twoProdErr, twoSumErr } from "./dd.js";
import { normalCdf, normalPdf } from "./normal.js";

/** σ(x) = 1/(1 + e^−x). */
export function sigmoid(x: number): number {
  // NOTE: e^x / (1 + e^x) for x < 0 so that e^−x never overflows.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** σ'(x) = σ(x)σ(−x) = e^−|x| / (1 + e^−|x|)². */
export function sigmoidGrad(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/** tanh'(x) = sech² x = 4e^−2|x| / (1 + e^−2|x|)² (1 − tanh² x would be 0 beyond |x| ≈ 19). */
export function tanhGrad(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

/** max(0, x); NaN stays NaN. */
export function relu(x: number): number {
  return x > 0 ? x : x === x ? 0 : x;
}

/** 1 if x > 0 else 0 (so relu'(0) = 0); NaN stays NaN. */
export function reluGrad(x: number): number {
  return x > 0 ? 1 : x === x ? 0 : x;
}

/** x if x ≥ 0 else a·x. */
export function leakyRelu(x: number, a: number): number {
  return x >= 0 ? x : a * x;
}

/** 1 if x > 0 else a (so the derivative at 0 is a). */
export function leakyReluGrad(x: number, a: number): number {
  return x > 0 ? 1 : x === x ? a : x;
}

/** λ·x if x > 0 else λα(eˣ − 1): ELU (λ = 1) and SELU. */
export function elu(x: number, alpha: number, scale: number): number {
  return x > 0 ? scale * x : scale * (alpha * Math.expm1(x));
}

/** λ if x > 0 else λα eˣ (so the derivative at 0 is λα). */
export function eluGrad(x: number, alpha: number, scale: number): number {
  return x > 0 ? scale : scale * (alpha * Math.exp(x));
}

/**
 * βx as hi + lo, the correction lo dropped where σ(βx) is saturated (and the splitting of
 * twoProdErr could overflow).
 */
function scaledLo(beta: number, x: number, hi: number): number {
  return beta === 1 || !(Math.abs(hi) < 800) ? 0 : twoProdErr(beta, x, hi);
}

/** (1/β) ln(1 + e^{βx}), and x where βx > threshold (PyTorch's convention). */
export function softplus(x: number, beta: number, threshold: number): number {
  const v = beta * x;
  if (v > threshold) return x;
  // NOTE: max(x, 0) + log1p(e^−|βx|)/β never overflows; βx = v + lo is corrected to first order
  // (d/dw log1p(eʷ) = σ(w)) so that β ≠ 1 loses nothing in the left tail.
  const w = -Math.abs(v);
  const lo = v > 0 ? -scaledLo(beta, x, v) : scaledLo(beta, x, v);
  const l = Math.log1p(Math.exp(w));
  return Math.max(x, 0) + (lo === 0 ? l : l + lo * sigmoid(w)) / beta;
}

/** σ(βx), and 1 where βx > threshold. */
export function softplusGrad(x: number, beta: number, threshold: number): number {
  const v = beta * x;
  if (v > threshold) return 1;
  const lo = scaledLo(beta, x, v);
  const s = sigmoid(v);
  return lo === 0 ? s : s * (1 + lo * sigmoid(-v));
}

/** x·σ(βx): swish (SiLU for β = 1; GELU's sigmoid form for β = 1.702). */
export function swish(x: number, beta: number): number {
  const v = beta * x;
  const s = sigmoid(v);
  if (!Number.isFinite(x)) return s === 0 ? 0 : x * s;
  const lo = scaledLo(beta, x, v);
  return lo === 0 ? x * s : x * (s * (1 + lo * sigmoid(-v)));
}

/** σ(βx) + βx σ(βx)(1 − σ(βx)) = σ(βx)(1 + βx σ(−βx)). */
export function swishGrad(x: number, beta: number): number {
  const v = beta * x;
  if (!Number.isFinite(v)) return v !== v ? v : v > 0 ? 1 : 0;
  const lo = scaledLo(beta, x, v);
  let s = sigmoid(v);
  let sn = sigmoid(-v);
  if (lo !== 0) {
    const s0 = s;
    s *= 1 + lo * sn;
    sn *= 1 - lo * s0;
  }
  return s * (1 + v * sn);
}

/** x Φ(x), the exact GELU. */
export function gelu(x: number): number {
  // Φ(x) is 0 below −40, and x·0 would be NaN at −∞.
  return x < -40 ? -0 : x * normalCdf(x);
}

/** Φ(x) + x φ(x). */
export function geluGrad(x: number): number {
  if (x < -40) return 0;
  // φ(x) is 0 above 40, and x·0 would be NaN at +∞ (f'(+∞) = 1).
  if (x > 40) return 1;
  return normalCdf(x) + x * normalPdf(x);
}

// √(8/π) and √(8/π)·0.044715 as hi + lo (mpmath, 50 digits): 2u = A x + B x³ in GELU's tanh form
const A_HI = 1.5957691216057308;
const A_LO = -9.96930880911092e-17;
const B_HI = 0.07135481627260025;
const B_LO = -6.175149918155315e-19;

/** v = 2u = 2√(2/π)(x + 0.044715x³) as hi + lo (|x| ≤ 50), without rounding error to first order. */
function geluTanhArg(x: number): [number, number] {
  const p = x * x;
  const pe = twoProdErr(x, x, p);
  const c = x * p;
  const ce = twoProdErr(x, p, c) + x * pe;
  const r = B_HI * c;
  const re = twoProdErr(B_HI, c, r) + B_HI * ce + B_LO * c;
  const s = A_HI * x;
  const se = twoProdErr(A_HI, x, s) + A_LO * x;
  const v = s + r;
  return [v, twoSumErr(s, r, v) + se + re];
}

// 64 ln 2 as hi + lo (mpmath, 50 digits)
const LN2_64_HI = 44.3614195558365;
const LN2_64_LO = 1.4841899608616317e-15;

/**
 * m·e^(hi + lo) for hi < −700. There eᵛ is (nearly) subnormal and carries few significant bits,
 * which the product with m would magnify; so e^(v + 64 ln 2) is formed exactly (the shift as
 * hi + lo), multiplied by m, and scaled by 2⁻⁶⁴ in a single final rounding.
 */
function expTimes(m: number, hi: number, lo: number): number {
  const w = hi + LN2_64_HI;
  const wlo = twoSumErr(hi, LN2_64_HI, w) + LN2_64_LO + lo;
  return m * (Math.exp(w) * (1 + wlo)) * 2 ** -64;
}

/** ½x(1 + tanh(√(2/π)(x + 0.044715x³))), GELU's tanh form, computed as x σ(2u). */
export function geluTanh(x: number): number {
  // NOTE: 1 + tanh u = 2σ(2u) keeps the left tail (1 + tanh u would be 0 from x ≈ −5.6 on), and
  // 2u is formed as hi + lo because e^(2u) has relative error |2u|·δ for an error δ in 2u
  // (87 at x = −10). Beyond |x| = 50, σ(2u) is exactly 0 or 1.
  if (!(Math.abs(x) <= 50)) return x !== x ? x : x > 0 ? x : -0;
  const [v, lo] = geluTanhArg(x);
  if (v < -700) return expTimes(x, v, lo);
  const s = sigmoid(v);
  return x * (s * (1 + lo * sigmoid(-v)));
}

/** ½(1 + tanh u) + ½x sech²(u) u' = σ(2u) + x (2u)' σ(2u)σ(−2u). */
export function geluTanhGrad(x: number): number {
  if (!(Math.abs(x) <= 50)) return x !== x ? x : x > 0 ? 1 : 0;
  const [v, lo] = geluTanhArg(x);
  const dv = A_HI + 3 * B_HI * x * x;
  if (v < -700) {
    // σ(v) = eᵛ and σ(−v) = 1 here: f' = eᵛ(1 + x v')
    return expTimes(1 + x * dv, v, lo);
  }
  const s0 = sigmoid(v);
  const sn0 = sigmoid(-v);
  const s = s0 * (1 + lo * sn0);
  const sn = sn0 * (1 - lo * s0);
  return s + x * dv * s * sn;
}

/**
 * tanh(softplus x) = ((1 + eˣ)² − 1)/((1 + eˣ)² + 1), in terms of n = eˣ (x < 0) or m = e^−x
 * (x ≥ 0) so that nothing cancels or overflows; and sech²(softplus x)·σ(x), the factor of mish'.
 */
function mishParts(x: number): [number, number] {
  if (x < 0) {
    const n = Math.exp(x);
    const a = n * (n + 2);
    const d = a + 2;
    return [a / d, (4 * n * (n + 1)) / (d * d)];
  }
  const m = Math.exp(-x);
  const e = 1 + 2 * m * (1 + m);
  return [(1 + 2 * m) / e, (4 * m * m * (1 + m)) / (e * e)];
}

/** x tanh(softplus x). */
export function mish(x: number): number {
  if (x === -Infinity) return -0;
  return x * mishParts(x)[0];
}

/** tanh(sp) + x sech²(sp) σ(x), sp = softplus x. */
export function mishGrad(x: number): number {
  if (!Number.isFinite(x)) return x !== x ? x : x > 0 ? 1 : 0;
  const [t, q] = mishParts(x);
  return t + x * q;
}
