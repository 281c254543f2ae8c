import { ArgumentError } from "@fluxion/core";
import { checkOptimizer, LRScheduler } from "./lr-scheduler.js";
import type { BaseOptions, Optimizer, ParamGroup } from "./optimizer.js";

/** Options of `OneCycleLR` (PyTorch's names and defaults). */
export interface OneCycleLROptions {
  /** Peak learning rate, or one per parameter group. */
  maxLr: number | readonly number[];
  /** Steps in the cycle; or give `epochs` and `stepsPerEpoch`. */
  totalSteps?: number;
  /** Epochs of training; with `stepsPerEpoch`, gives totalSteps = epochs · stepsPerEpoch. */
  epochs?: number;
  /** Steps (batches) per epoch; used with `epochs`. */
  stepsPerEpoch?: number;
  /** Fraction of the cycle spent increasing the rate (default 0.3). */
  pctStart?: number;
  /** "cos" (default) or "linear" annealing between phase end points. */
  annealStrategy?: "cos" | "linear";
  /** Cycle momentum (SGD/RMSprop `momentum`, or Adam-like β₁) inversely to the rate (default true). */
  cycleMomentum?: boolean;
  /** Lowest momentum, reached at the peak rate (default 0.85), or one per group. */
  baseMomentum?: number | readonly number[];
  /** Highest momentum, at the start and end (default 0.95), or one per group. */
  maxMomentum?: number | readonly number[];
  /** initialLr = maxLr / divFactor (default 25). */
  divFactor?: number;
  /** minLr = initialLr / finalDivFactor (default 1e4). */
  finalDivFactor?: number;
  /** Three phases (up, down to initialLr, down to minLr) instead of two (default false). */
  threePhase?: boolean;
  /** Step to resume from (default −1: start). */
  lastEpoch?: number;
}

interface Phase {
  endStep: number;
  startLr: "initial" | "max" | "min";
  endLr: "initial" | "max" | "min";
  startMomentum: "base" | "max";
  endMomentum: "base" | "max";
}

/** A group as the momentum cycling sees it: SGD/RMSprop's `momentum` or Adam's `betas`. */
type MomentumGroup = ParamGroup<BaseOptions> & {
  momentum?: number;
  betas?: readonly [number, number];
};

function perGroup(
  name: string,
  arg: string,
  value: number | readonly number[],
  groups: number,
): number[] {
  const list = typeof value === "number" ? new Array<number>(groups).fill(value) : value;
  if (!Array.isArray(list) || list.length !== groups || !list.every((v) => Number.isFinite(v)))
    throw new ArgumentError(
      `${name}: ${arg} must be a finite number or an array of ${groups} (one per parameter group), got ${JSON.stringify(value)}`,
    );
  return [...list];
}

const positiveInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

/**
 * The 1cycle policy, PyTorch's `OneCycleLR`: the learning rate rises from maxLr/divFactor to
 * maxLr over the first `pctStart` of `totalSteps`, then falls to initialLr/finalDivFactor (with
 * `threePhase`, first back to the initial rate, then to the minimum), annealed by cosine or
 * linearly; momentum (or Adam's β₁) cycles the opposite way between maxMomentum and baseMomentum.
 * Step it after every batch. Stepping more than `totalSteps` times throws.
 *
 * @example
 * const sched = new OneCycleLR(opt, { maxLr: 0.1, epochs: 10, stepsPerEpoch: 100 });
 * for (const batch of loader) { trainStep(batch); sched.step(); }
 */
export class OneCycleLR extends LRScheduler {
  /** Steps in the cycle (`step()` calls). */
  readonly totalSteps: number;
  /** How the rate moves between phase end points: cosine or linear. */
  readonly annealStrategy: "cos" | "linear";
  /** Whether momentum (or β₁) is cycled inversely to the rate. */
  readonly cycleMomentum: boolean;
  readonly #phases: Phase[];
  readonly #lrs: { initial: number[]; max: number[]; min: number[] };
  readonly #momenta: { base: number[]; max: number[] };
  readonly #useBeta1: boolean;

  constructor(optimizer: Optimizer<BaseOptions>, options: OneCycleLROptions) {
    const name = "OneCycleLR";
    checkOptimizer(name, optimizer);
    if (typeof options !== "object" || options === null)
      throw new ArgumentError(
        `${name}: options with maxLr and totalSteps (or epochs and stepsPerEpoch) are required`,
      );
    const o = options;
    const groups = optimizer.paramGroups.length;
    let totalSteps: number;
    if (o.totalSteps !== undefined) {
      if (!positiveInt(o.totalSteps))
        throw new ArgumentError(
          `${name}: totalSteps must be a positive integer, got ${String(o.totalSteps)}`,
        );
      totalSteps = o.totalSteps;
    } else if (o.epochs !== undefined || o.stepsPerEpoch !== undefined) {
      if (!positiveInt(o.epochs) || !positiveInt(o.stepsPerEpoch))
        throw new ArgumentError(
          `${name}: epochs and stepsPerEpoch must both be positive integers, got ${String(o.epochs)} and ${String(o.stepsPerEpoch)}`,
        );
      totalSteps = o.epochs * o.stepsPerEpoch;
    } else throw new ArgumentError(`${name}: give either totalSteps, or epochs and stepsPerEpoch`);
    const pctStart = o.pctStart ?? 0.3;
    if (!(typeof pctStart === "number" && pctStart >= 0 && pctStart <= 1))
      throw new ArgumentError(
        `${name}: pctStart must be a number in [0, 1], got ${String(pctStart)}`,
      );
    const annealStrategy = o.annealStrategy ?? "cos";
    if (annealStrategy !== "cos" && annealStrategy !== "linear")
      throw new ArgumentError(
        `${name}: annealStrategy must be "cos" or "linear", got ${JSON.stringify(annealStrategy)}`,
      );
    const divFactor = o.divFactor ?? 25;
    const finalDivFactor = o.finalDivFactor ?? 1e4;
    for (const [arg, v] of [
      ["divFactor", divFactor],
      ["finalDivFactor", finalDivFactor],
    ] as const)
      if (!(typeof v === "number" && v > 0 && Number.isFinite(v)))
        throw new ArgumentError(`${name}: ${arg} must be a positive number, got ${String(v)}`);
    const maxLrs = perGroup(name, "maxLr", o.maxLr, groups);
    const lastEpoch = o.lastEpoch ?? -1;
    const initial = maxLrs.map((m) => m / divFactor);
    const min = initial.map((i) => i / finalDivFactor);
    if (lastEpoch === -1)
      optimizer.paramGroups.forEach((g, i) => {
        g.initialLr = initial[i];
      });
    const cycleMomentum = o.cycleMomentum ?? true;
    const useBeta1 = "betas" in optimizer.defaults;
    const momenta = { base: [] as number[], max: [] as number[] };
    if (cycleMomentum) {
      if (!("momentum" in optimizer.defaults) && !useBeta1)
        throw new ArgumentError(
          `${name}: cycleMomentum needs an optimiser with momentum or betas (got one without); pass cycleMomentum: false`,
        );
      momenta.base = perGroup(name, "baseMomentum", o.baseMomentum ?? 0.85, groups);
      momenta.max = perGroup(name, "maxMomentum", o.maxMomentum ?? 0.95, groups);
    }
    super(name, optimizer, lastEpoch);
    this.totalSteps = totalSteps;
    this.annealStrategy = annealStrategy;
    this.cycleMomentum = cycleMomentum;
    this.#lrs = { initial, max: maxLrs, min };
    this.#momenta = momenta;
    this.#useBeta1 = useBeta1;
    const p = pctStart * totalSteps;
    this.#phases = o.threePhase
      ? [
          {
            endStep: p - 1,
            startLr: "initial",
            endLr: "max",
            startMomentum: "max",
            endMomentum: "base",
          },
          {
            endStep: 2 * p - 2,
            startLr: "max",
            endLr: "initial",
            startMomentum: "base",
            endMomentum: "max",
          },
          {
            endStep: totalSteps - 1,
            startLr: "initial",
            endLr: "min",
            startMomentum: "max",
            endMomentum: "max",
          },
        ]
      : [
          {
            endStep: p - 1,
            startLr: "initial",
            endLr: "max",
            startMomentum: "max",
            endMomentum: "base",
          },
          {
            endStep: totalSteps - 1,
            startLr: "max",
            endLr: "min",
            startMomentum: "base",
            endMomentum: "max",
          },
        ];
    if (lastEpoch === -1 && cycleMomentum)
      optimizer.paramGroups.forEach((g, i) => {
        this.#setMomentum(g, momenta.max[i] as number);
      });
    this.step();
  }

  #anneal(start: number, end: number, pct: number): number {
    if (this.annealStrategy === "linear") return (end - start) * pct + start;
    return end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
  }

  /** The phase containing `step` and how far into it `step` is. */
  #phaseAt(step: number): { phase: Phase; pct: number } {
    if (step > this.totalSteps)
      throw new ArgumentError(
        `OneCycleLR: tried to step ${step} times; the cycle has totalSteps = ${this.totalSteps}`,
      );
    let start = 0;
    for (const [i, phase] of this.#phases.entries()) {
      if (step <= phase.endStep || i === this.#phases.length - 1)
        return { phase, pct: (step - start) / (phase.endStep - start) };
      start = phase.endStep;
    }
    throw new Error("OneCycleLR: unreachable");
  }

  #setMomentum(g: MomentumGroup, value: number): void {
    if (this.#useBeta1) g.betas = [value, g.betas?.[1] ?? 0.999];
    else g.momentum = value;
  }

  closedFormLr(_baseLr: number, epoch: number, group: number): number {
    const { phase, pct } = this.#phaseAt(epoch);
    const lrs = this.#lrs;
    return this.#anneal(
      lrs[phase.startLr][group] as number,
      lrs[phase.endLr][group] as number,
      pct,
    );
  }

  /** The rates at `lastEpoch`; sets each group's momentum (or β₁) too when cycling it. */
  protected override closedFormLrs(): number[] {
    const lrs = super.closedFormLrs();
    if (this.cycleMomentum) {
      const { phase, pct } = this.#phaseAt(this.lastEpoch);
      const m = this.#momenta;
      this.optimizer.paramGroups.forEach((g, i) => {
        const start = m[phase.startMomentum][i] as number;
        const end = m[phase.endMomentum][i] as number;
        this.#setMomentum(g, this.#anneal(start, end, pct));
      });
    }
    return lrs;
  }
}
