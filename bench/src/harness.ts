/**
 * Timing harness: warm-up, then several runs, each the median of many steps; the reported figure is
 * the median of the run medians (as in issue 6's table). Steps may be async (peers that compute
 * lazily are made to finish inside the step by reading their result).
 */

export type Step = () => unknown;

export interface TimingOptions {
  /** Runs whose medians are combined. */
  readonly runs: number;
  /** Time spent on each run, in ms (a run always has at least `minSteps` steps). */
  readonly runMs: number;
  readonly minSteps: number;
  /** Warm-up time in ms (at least one step). */
  readonly warmupMs: number;
}

// NOTE: ten half-second turns per library rather than five of a second (the same time in all): on
// a shared machine a disturbance lasts seconds, and shorter turns spread it over every library
export const fullTiming: TimingOptions = { runs: 10, runMs: 500, minSteps: 3, warmupMs: 800 };
export const quickTiming: TimingOptions = { runs: 3, runMs: 300, minSteps: 2, warmupMs: 200 };

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  const h = n >> 1;
  return n % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}

async function runStep(step: Step): Promise<number> {
  const t0 = performance.now();
  const r = step();
  if (r instanceof Promise) await r;
  return performance.now() - t0;
}

/** Median step time in ms: median over `runs` of the median step time within each run. */
export async function timeStep(step: Step, opts: TimingOptions): Promise<number> {
  const w0 = performance.now();
  do await runStep(step);
  while (performance.now() - w0 < opts.warmupMs);
  const runMedians: number[] = [];
  for (let r = 0; r < opts.runs; r++) {
    const times: number[] = [];
    const r0 = performance.now();
    while (times.length < opts.minSteps || performance.now() - r0 < opts.runMs) {
      times.push(await runStep(step));
    }
    runMedians.push(median(times));
  }
  return median(runMedians);
}

/**
 * Median step times in ms of several steps timed interleaved: after a warm-up of each, every run
 * times each step in turn (a run of `runMs` each), so that a busy machine slows all of them alike;
 * the figure for each is the median of its run medians.
 */
export async function timeInterleaved(
  steps: readonly Step[],
  opts: TimingOptions,
): Promise<number[]> {
  for (const step of steps) {
    const w0 = performance.now();
    do await runStep(step);
    while (performance.now() - w0 < opts.warmupMs);
  }
  const runMedians: number[][] = steps.map(() => []);
  for (let r = 0; r < opts.runs; r++) {
    for (const [i, step] of steps.entries()) {
      const times: number[] = [];
      const r0 = performance.now();
      while (times.length < opts.minSteps || performance.now() - r0 < opts.runMs) {
        times.push(await runStep(step));
      }
      runMedians[i]?.push(median(times));
    }
  }
  return runMedians.map(median);
}
