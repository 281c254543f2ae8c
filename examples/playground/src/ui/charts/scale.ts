// Scales for the hand-written canvas charts: a value → pixel map with its ticks and tick labels.

/** A map from data values to pixels, with the ticks to draw along its axis. */
export interface Scale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
  format(value: number): string;
}

/**
 * About `count` round tick values (1, 2 or 5 times a power of ten apart) covering [min, max].
 *
 * @example
 * niceTicks(0, 0.93, 5); // [0, 0.2, 0.4, 0.6, 0.8, 1]
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max === min) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(min / unit + 1e-9);
  const last = Math.ceil(max / unit - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * unit).toPrecision(12)));
  return ticks;
}

/** A short label for a tick: integers as they are, otherwise 3 significant digits or exponent form. */
export function formatTick(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e4 || abs < 1e-3) return value.toExponential(0).replace("e+", "e");
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(3)));
}

/**
 * A linear scale over the domain widened to round ticks (or exactly [min, max] when `tight`),
 * mapped onto [from, to] pixels.
 *
 * @example
 * const y = linearScale(0, 0.93, 200, 0); // y(0) = 200, y(1) = 0 (the domain became [0, 1])
 */
export function linearScale(
  min: number,
  max: number,
  from: number,
  to: number,
  count = 5,
  tight = false,
): Scale {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const nice = niceTicks(lo, hi, count);
  // tight: the domain stays [min, max] and only the ticks inside it are kept.
  const ticks = tight ? nice.filter((t) => t >= lo && t <= hi) : nice;
  const d0 = tight ? lo : Math.min(lo, nice[0] ?? lo);
  const d1 = tight ? hi : Math.max(hi, nice[nice.length - 1] ?? hi);
  const map = (value: number) => from + ((value - d0) / (d1 - d0)) * (to - from);
  return Object.assign(map, { domain: [d0, d1] as const, ticks, format: formatTick });
}

/**
 * Powers of ten covering [min, max] (both > 0), thinned to at most `count + 1` ticks; over one or
 * two decades, 2× and 5× in between as well.
 *
 * @example
 * logTicks(0.15, 0.7); // [0.1, 0.2, 0.5, 1]
 */
export function logTicks(min: number, max: number, count = 6): number[] {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
  const every = Math.max(1, Math.ceil((hi - lo) / count));
  // Thinned from the top down, so that the ticks still cover both ends.
  const start = hi - every * Math.ceil((hi - lo) / every);
  const ticks: number[] = [];
  for (let e = start; e <= hi; e += every) {
    ticks.push(Number((10 ** e).toPrecision(12)));
    if (hi - lo <= 2 && e < hi)
      ticks.push(Number((2 * 10 ** e).toPrecision(12)), Number((5 * 10 ** e).toPrecision(12)));
  }
  return ticks;
}

/**
 * A base-10 log scale over whole decades covering [min, max]; values ≤ 0 map to the bottom.
 *
 * @example
 * const y = logScale(3e-7, 0.4, 200, 0); // decades 1e-7 … 1: y(1e-7) = 200, y(1) = 0
 */
export function logScale(min: number, max: number, from: number, to: number, count = 6): Scale {
  const lo = Number.isFinite(min) && min > 0 ? min : 1e-8;
  const hi = Number.isFinite(max) && max > lo ? max : lo * 10;
  const ticks = logTicks(lo, hi, count);
  const l0 = Math.log10(ticks[0] ?? lo);
  const l1 = Math.log10(ticks[ticks.length - 1] ?? hi);
  const map = (value: number) => {
    const l = value > 0 ? Math.log10(value) : l0;
    return from + ((Math.max(l, l0) - l0) / (l1 - l0)) * (to - from);
  };
  const format = (value: number) => {
    const e = Math.log10(value);
    if (!Number.isInteger(e) || (e >= -2 && e <= 3)) return formatTick(value);
    return `1e${e}`;
  };
  return Object.assign(map, { domain: [10 ** l0, 10 ** l1] as const, ticks, format });
}
