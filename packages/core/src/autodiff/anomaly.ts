import type { TypedArray } from "../dtype.js";
import { checkFunction } from "../shape.js";

let anomalyEnabled = false;

/**
 * Whether anomaly detection (`detectAnomaly` / `setDetectAnomaly`) is on: ops then check their outputs and gradients for NaN/Infinity.
 *
 * @example
 * isAnomalyEnabled(); // false by default
 */
export function isAnomalyEnabled(): boolean {
  return anomalyEnabled;
}

/** How many vjp rules are running: ops inside a rule are not checked one by one. */
let ruleDepth = 0;

/**
 * Runs a vjp rule in anomaly mode. The ops inside it are not checked one by one: a rule may make a
 * non-finite value and mask it (pow's rule takes ln a and discards it where a = 0), and a value the
 * rule really produces is reported by the engine as coming from the backward of the rule's op.
 */
export function runRule<T>(fn: () => T): T {
  ruleDepth++;
  try {
    return fn();
  } finally {
    ruleDepth--;
  }
}

/** Whether an op's forward output is checked for NaN/Infinity now (anomaly mode, outside rules). */
export function isCheckingForward(): boolean {
  return anomalyEnabled && ruleDepth === 0;
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
  checkFunction("detectAnomaly", "fn", fn);
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
  for (const [i, v] of a.entries()) if (!Number.isFinite(v)) return i;
  return -1;
}

// NOTE: Fluxion's own frames are recognised by location (this package's src/ or dist/ folder, its
// tests excepted), not by folder names, which a user's own files may share ("ops/", "autodiff/").
// import.meta.url is undefined where a bundler emitted a script rather than a module: then no frame
// is recognised as Fluxion's, and the stack is shown whole.
const ownRoot = typeof import.meta.url === "string" ? new URL("../", import.meta.url) : undefined;
const ownPrefixes = ownRoot ? [ownRoot.href, decodeURIComponent(ownRoot.pathname)] : [];

function isOwnFrame(line: string): boolean {
  return ownPrefixes.some((p) => line.includes(p)) && !/\.test\.[cm]?[jt]s/.test(line);
}

/** The creation stack of an op, without the frames inside Fluxion itself. */
export function captureStack(): string {
  const stack = new Error().stack ?? "";
  return stack
    .split("\n")
    .slice(1)
    .filter((line) => !isOwnFrame(line))
    .join("\n");
}
