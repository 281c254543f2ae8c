import { ArgumentError } from "@fluxion/core";
import { checkOptimizer, LRScheduler, type LRSchedulerStateDict } from "./lr-scheduler.js";
import type { BaseOptions, Optimizer } from "./optimizer.js";

/** What `SequentialLR.stateDict` returns. */
export interface SequentialLRStateDict {
  /** The epoch of the last `step()`. */
  lastEpoch: number;
  /** Epochs at which the next scheduler takes over. */
  milestones: number[];
  /** Each scheduler's own state. */
  schedulers: LRSchedulerStateDict[];
  /** The learning rates the last `step()` set. */
  lastLr: number[];
}

/**
 * Runs `schedulers` one after another, switching at each of the `milestones` (epochs), PyTorch's
 * `SequentialLR`: at a milestone the next scheduler starts from its epoch 0 at the base rates.
 * A warm-up followed by a decay is the usual use.
 *
 * @example
 * const warmup = new LinearLR(opt, { startFactor: 0.1, totalIters: 5 });
 * const decay = new ExponentialLR(opt, { gamma: 0.9 });
 * const sched = new SequentialLR(opt, [warmup, decay], [5]);
 */
export class SequentialLR {
  /** The optimiser whose groups' `lr` the schedulers set. */
  readonly optimizer: Optimizer<BaseOptions>;
  /** The schedulers, used one after another. */
  readonly schedulers: readonly LRScheduler[];
  /** Epochs at which the next scheduler takes over (one fewer than the schedulers). */
  readonly milestones: readonly number[];
  /** The epoch of the last `step()`. */
  lastEpoch: number;
  #lastLr: number[];

  constructor(
    optimizer: Optimizer<BaseOptions>,
    schedulers: readonly LRScheduler[],
    milestones: readonly number[],
    lastEpoch = -1,
  ) {
    const name = "SequentialLR";
    this.optimizer = checkOptimizer(name, optimizer);
    if (!Array.isArray(schedulers) || schedulers.length === 0)
      throw new ArgumentError(`${name}: schedulers must be a non-empty array of LRSchedulers`);
    schedulers.forEach((s, i) => {
      if (!(s instanceof LRScheduler))
        throw new ArgumentError(
          `${name}: schedulers[${i}] is not an LRScheduler (ReduceLROnPlateau and SequentialLR cannot be sequenced)`,
        );
      if (s.optimizer !== optimizer)
        throw new ArgumentError(
          `${name}: schedulers[${i}] was built for a different optimiser than the one given`,
        );
    });
    if (!Array.isArray(milestones) || milestones.length !== schedulers.length - 1)
      throw new ArgumentError(
        `${name}: expected ${schedulers.length - 1} milestones for ${schedulers.length} schedulers, got ${JSON.stringify(milestones)}`,
      );
    milestones.forEach((m, i) => {
      if (!Number.isInteger(m) || m < 1 || (i > 0 && m <= (milestones[i - 1] as number)))
        throw new ArgumentError(
          `${name}: milestones must be increasing positive integers, got ${JSON.stringify(milestones)}`,
        );
    });
    if (!Number.isInteger(lastEpoch) || lastEpoch < -1)
      throw new ArgumentError(`${name}: lastEpoch must be an integer ≥ −1, got ${lastEpoch}`);
    this.schedulers = [...schedulers];
    this.milestones = [...milestones];
    this.lastEpoch = lastEpoch + 1;
    // As PyTorch: back to the initial rates, undo the initial step each scheduler took when it
    // was built, and take it again for the first one only.
    for (const g of optimizer.paramGroups) g.lr = g.initialLr ?? g.lr;
    for (const s of this.schedulers) s.lastEpoch--;
    const first = this.schedulers[0] as LRScheduler;
    first.step();
    this.#lastLr = first.getLastLr();
  }

  /** Index of the scheduler running at `epoch`: how many milestones are ≤ epoch. */
  #indexAt(epoch: number): number {
    return this.milestones.filter((m) => m <= epoch).length;
  }

  /**
   * Advances one epoch with the scheduler whose turn it is (restarting it at a milestone).
   *
   * @example
   * sched.step();
   */
  step(): void {
    this.lastEpoch++;
    const idx = this.#indexAt(this.lastEpoch);
    const s = this.schedulers[idx] as LRScheduler;
    if (idx > 0 && this.milestones[idx - 1] === this.lastEpoch) s.step(0);
    else s.step();
    this.#lastLr = s.getLastLr();
  }

  /** The learning rates set by the last `step()`. @example sched.getLastLr(); */
  getLastLr(): number[] {
    return [...this.#lastLr];
  }

  /** The epoch counter and each scheduler's state. @example const saved = sched.stateDict(); */
  stateDict(): SequentialLRStateDict {
    return {
      lastEpoch: this.lastEpoch,
      milestones: [...this.milestones],
      schedulers: this.schedulers.map((s) => s.stateDict()),
      lastLr: [...this.#lastLr],
    };
  }

  /** Restores `stateDict()` output. @example sched.loadStateDict(saved); */
  loadStateDict(state: SequentialLRStateDict): void {
    const op = "SequentialLR.loadStateDict";
    if (!Number.isInteger(state?.lastEpoch) || !Array.isArray(state.schedulers))
      throw new ArgumentError(`${op}: expected { lastEpoch, schedulers, … }`);
    if (state.schedulers.length !== this.schedulers.length)
      throw new ArgumentError(
        `${op}: the saved state has ${state.schedulers.length} schedulers, this one has ${this.schedulers.length}`,
      );
    state.schedulers.forEach((s, i) => {
      this.schedulers[i]?.loadStateDict(s);
    });
    this.lastEpoch = state.lastEpoch;
    this.#lastLr = Array.isArray(state.lastLr) ? [...state.lastLr] : this.#lastLr;
  }
}
