import type { TypedArray } from "../dtype.js";

let anomalyEnabled = false;

export function isAnomalyEnabled(): boolean {
  return anomalyEnabled;
}

/**
 * Turns anomaly mode on or off. In anomaly mode every op records where it was created, and the first
 * op whose forward or backward produces NaN or Infinity from finite values throws an `AnomalyError`
 * naming that op and its creation stack. It slows every op: use it to debug, not to train.
 *
 * @example
 * setDetectAnomaly(true);
 */
export function setDetectAnomaly(enabled: boolean): void {
  anomalyEnabled = enabled;
}

/**
 * Runs `fn` in anomaly mode (see `setDetectAnomaly`), restoring the previous mode afterwards.
 *
 * @example
 * detectAnomaly(() => loss.backward()); // throws AnomalyError naming the op that made the NaN
 */
export function detectAnomaly<T>(fn: () => T): T {
  const prev = anomalyEnabled;
  anomalyEnabled = true;
  try {
    return fn();
  } finally {
    anomalyEnabled = prev;
  }
}

/** Index of the first NaN or ±Infinity in `a`, or −1. */
export function firstNonFinite(a: TypedArray): number {
  if (a instanceof Int32Array) return -1;
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i] as number)) return i;
  return -1;
}

/** The creation stack of an op, without the frames inside Fluxion's own op machinery. */
export function captureStack(): string {
  const stack = new Error().stack ?? "";
  return stack
    .split("\n")
    .slice(1)
    .filter((line) => !/autodiff[\\/]|define-op|ops[\\/]|tensor[\\/]tensor/.test(line))
    .join("\n");
}
