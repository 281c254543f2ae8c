/**
 * The error function erf and its complement erfc in full double precision: erf within one ulp,
 * erfc within two (measured against mpmath in erf.test.ts).
 *
 * Method: the rational approximations of Sun Microsystems' fdlibm `s_erf.c` (1993, also FreeBSD's
 * msun), re-implemented here in TypeScript:
 * - |x| < 0.84375: erf(x) = x + x·P(x²)/Q(x²);
 * - 0.84375 ≤ |x| < 1.25: erf(|x|) = c + P1(s)/Q1(s) with s = |x| − 1 and c = 0.84506291151
 *   rounded to single precision (a Taylor expansion at 1);
 * - 1.25 ≤ |x| < 28: erfc(|x|) = exp(−x² − 0.5625 + R(1/x²)/S(1/x²)) / |x| (an asymptotic
 *   expansion), with two sets of coefficients split at 1/0.35, and −x² evaluated without rounding
 *   error as −s² + (s − x)(s + x) where s is x rounded to single precision (so s² is exact);
 * - beyond: erf = ±1, erfc = 0 or 2.
 * The coefficients below are fdlibm's (their bit patterns are checked in erf.test.ts).
 */

// c = 0.84506291151 rounded to single precision
const ERX = 0.8450629115104675;
// 2/√π − 1, for tiny |x|
const EFX = 0.1283791670955126;

// erf on [0, 0.84375]: P and Q in x²
const PP0 = 0.12837916709551256;
const PP1 = -0.3250421072470015;
const PP2 = -0.02848174957559851;
const PP3 = -0.005770270296489442;
const PP4 = -0.000023763016656650163;
const QQ1 = 0.39791722395915535;
const QQ2 = 0.0650222499887673;
const QQ3 = 0.005081306281875766;
const QQ4 = 0.00013249473800432164;
const QQ5 = -0.000003960228278775368;

// erf on [0.84375, 1.25]: P1 and Q1 in s = |x| − 1
const PA0 = -0.0023621185607526594;
const PA1 = 0.41485611868374833;
const PA2 = -0.3722078760357013;
const PA3 = 0.31834661990116175;
const PA4 = -0.11089469428239668;
const PA5 = 0.035478304325618236;
const PA6 = -0.002166375594868791;
const QA1 = 0.10642088040084423;
const QA2 = 0.540397917702171;
const QA3 = 0.07182865441419627;
const QA4 = 0.12617121980876164;
const QA5 = 0.01363708391202905;
const QA6 = 0.011984499846799107;

// erfc on [1.25, 1/0.35]: R1 and S1 in 1/x²
const RA0 = -0.009864944034847148;
const RA1 = -0.6938585727071818;
const RA2 = -10.558626225323291;
const RA3 = -62.375332450326006;
const RA4 = -162.39666946257347;
const RA5 = -184.60509290671104;
const RA6 = -81.2874355063066;
const RA7 = -9.814329344169145;
const SA1 = 19.651271667439257;
const SA2 = 137.65775414351904;
const SA3 = 434.56587747522923;
const SA4 = 645.3872717332679;
const SA5 = 429.00814002756783;
const SA6 = 108.63500554177944;
const SA7 = 6.570249770319282;
const SA8 = -0.0604244152148581;

// erfc on [1/0.35, 28]: R2 and S2 in 1/x²
const RB0 = -0.0098649429247001;
const RB1 = -0.799283237680523;
const RB2 = -17.757954917754752;
const RB3 = -160.63638485582192;
const RB4 = -637.5664433683896;
const RB5 = -1025.0951316110772;
const RB6 = -483.5191916086514;
const SB1 = 30.33806074348246;
const SB2 = 325.7925129965739;
const SB3 = 1536.729586084437;
const SB4 = 3199.8582195085955;
const SB5 = 2553.0504064331644;
const SB6 = 474.52854120695537;
const SB7 = -22.44095244658582;

/** The fdlibm coefficients, for the test that checks their bit patterns. */
export const erfCoefficients = {
  ERX,
  EFX,
  PP0,
  PP1,
  PP2,
  PP3,
  PP4,
  QQ1,
  QQ2,
  QQ3,
  QQ4,
  QQ5,
  PA0,
  PA1,
  PA2,
  PA3,
  PA4,
  PA5,
  PA6,
  QA1,
  QA2,
  QA3,
  QA4,
  QA5,
  QA6,
  RA0,
  RA1,
  RA2,
  RA3,
  RA4,
  RA5,
  RA6,
  RA7,
  SA1,
  SA2,
  SA3,
  SA4,
  SA5,
  SA6,
  SA7,
  SA8,
  RB0,
  RB1,
  RB2,
  RB3,
  RB4,
  RB5,
  RB6,
  SB1,
  SB2,
  SB3,
  SB4,
  SB5,
  SB6,
  SB7,
} as const;

/** (erf(x) − x)/x for |x| < 0.84375. */
function smallRatio(x: number): number {
  const z = x * x;
  const p = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
  const q = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
  return p / q;
}

/** erf(1 + s) − c for |x| in [0.84375, 1.25), s = |x| − 1. */
function nearOne(ax: number): number {
  const s = ax - 1;
  const p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
  const q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
  return p / q;
}

/** erfc(ax) for 1.25 ≤ ax < 28. */
function tail(ax: number): number {
  const s = 1 / (ax * ax);
  let r: number;
  let q: number;
  if (ax < 1 / 0.35) {
    r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
    q =
      1 +
      s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
  } else {
    r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
    q = 1 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
  }
  // NOTE: z has 24 significant bits, so z·z is exact and −x² = −z² + (z − x)(z + x) loses nothing.
  const z = Math.fround(ax);
  return (Math.exp(-z * z - 0.5625) * Math.exp((z - ax) * (z + ax) + r / q)) / ax;
}

/**
 * The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt, accurate to within one ulp.
 *
 * @example
 * erf(1); // 0.8427007929497149
 */
export function erf(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -28) return x + EFX * x;
    return x + x * smallRatio(x);
  }
  if (ax < 1.25) {
    const v = ERX + nearOne(ax);
    return x > 0 ? v : -v;
  }
  // erfc(6) < 2⁻⁵⁴: 1 − erfc rounds to 1.
  const v = ax < 6 ? 1 - tail(ax) : 1;
  return x > 0 ? v : -v;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), accurate to within two ulps also where it
 * is tiny (erfc(10) ≈ 2.09e-45, erfc(26) ≈ 5.7e-296).
 *
 * @example
 * erfc(10); // 2.088487583762545e-45
 */
export function erfc(x: number): number {
  if (x !== x) return x;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -56) return 1 - x;
    const r = x * smallRatio(x);
    if (x < 0.25) return 1 - (x + r);
    return 0.5 - (x - 0.5 + r);
  }
  if (ax < 1.25) {
    const v = nearOne(ax);
    return x > 0 ? 1 - ERX - v : 1 + (ERX + v);
  }
  if (x > 0) return x < 28 ? tail(ax) : 0;
  // erfc(−x) = 2 − erfc(x); erfc(6) is below half an ulp of 2.
  return ax < 6 ? 2 - tail(ax) : 2;
}

/**
 * The inverse error function: the x with erf(x) = y, for y in [−1, 1] (±Infinity at ±1, NaN
 * outside). Giles' single-precision approximation ("Approximating the erfinv function", 2010)
 * refined by Halley steps on erf(x) − y, written as (1 − y) − erfc(x) when y > ½ so the residual
 * keeps its digits near 1.
 *
 * @example
 * erfinv(0.5); // 0.4769362762044699
 */
export function erfinv(y: number): number {
  if (y !== y || y < -1 || y > 1) return Number.NaN;
  if (y === 0) return y;
  const a = Math.abs(y);
  if (a === 1) return y * Number.POSITIVE_INFINITY;
  let w = -Math.log((1 - a) * (1 + a));
  let p: number;
  if (w < 5) {
    w -= 2.5;
    p = 2.81022636e-8;
    for (const c of [
      3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164,
      0.246640727, 1.50140941,
    ]) {
      p = c + p * w;
    }
  } else {
    w = Math.sqrt(w) - 3;
    p = -0.000200214257;
    for (const c of [
      0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047,
      1.00167406, 2.83297682,
    ]) {
      p = c + p * w;
    }
  }
  let x = p * a;
  const tailSide = a > 0.5;
  const oneMinusA = 1 - a; // exact for a ≥ ½ (Sterbenz)
  for (let i = 0; i < 3; i++) {
    const f = tailSide ? oneMinusA - erfc(x) : erf(x) - a;
    const df = (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x);
    if (df === 0) break;
    const t = f / df;
    x -= t / (1 + x * t); // Halley: f'' = −2x f'
  }
  return y < 0 ? -x : x;
}
