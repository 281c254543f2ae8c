/** Two-sided 95% quantiles of Student's t for 1–30 degrees of freedom (1.96 beyond). */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/** Mean, sample standard deviation and a 95% Student-t interval of the mean over seeds. */
export interface Summary {
  n: number;
  mean: number;
  std: number;
  lo: number;
  hi: number;
}

/** The interval [0, 1] of a fraction (accuracy, dead units): `summarize(values, FRACTION)`. */
export const FRACTION: readonly [number, number] = [0, 1];

/**
 * Summary of per-seed values: mean ± sample standard deviation, and the 95% confidence interval
 * of the mean (Student's t with n − 1 degrees of freedom). Non-finite values are left out (and so
 * lower n); with fewer than two values the interval is unbounded. `range` bounds the interval to
 * what the quantity can take (a fraction's interval never passes 100%).
 *
 * @example
 * summarize([0.95, 0.96, 0.94, 0.95, 0.97]); // { n: 5, mean: 0.954, std: 0.0114, lo: 0.940, hi: 0.968 }
 * summarize([0.9, 1, 1], FRACTION).hi; // 1, not 1.11
 */
export function summarize(
  values: readonly number[],
  range: readonly [number, number] = [-Infinity, Infinity],
): Summary {
  const xs = values.filter(Number.isFinite);
  const n = xs.length;
  if (n === 0) return { n, mean: Number.NaN, std: Number.NaN, lo: Number.NaN, hi: Number.NaN };
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  const [min, max] = range;
  if (n === 1) return { n, mean, std: Number.NaN, lo: min, hi: max };
  const std = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const half = ((T95[n - 2] ?? 1.96) * std) / Math.sqrt(n);
  return { n, mean, std, lo: Math.max(min, mean - half), hi: Math.min(max, mean + half) };
}

/**
 * "mean ± std [lo, hi]" with `digits` decimals, values scaled by `scale` (100 for percents).
 *
 * @example
 * formatSummary(summarize([0.95, 0.96, 0.97]), 1, 100, "%"); // "96.0% ± 1.0 [93.5, 98.5]"
 */
export function formatSummary(s: Summary, digits = 2, scale = 1, unit = ""): string {
  if (s.n === 0) return "n/a";
  const f = (v: number) => (v * scale).toFixed(digits);
  if (s.n === 1) return `${f(s.mean)}${unit} (1 seed)`;
  return `${f(s.mean)}${unit} ± ${f(s.std)} [${f(s.lo)}, ${f(s.hi)}]`;
}
