import { ArgumentError } from "@fluxion/core";
import type { BaseOptions, Optimizer } from "./optimizer.js";

/** A scheduler's state: the epoch counter and the learning rates it started from. */
export interface LRSchedulerStateDict {
  lastEpoch: number;
  baseLrs: number[];
}

/**
 * Base class of learning-rate schedulers, like PyTorch's `LRScheduler`: each `step()` advances
 * the epoch counter and sets every group's `lr` from a closed form in the epoch. Constructing one
 * records each group's starting rate as `initialLr`; a subclass's constructor ends with
 * `this.step()`, which applies epoch 0 (PyTorch's initial step).
 *
 * @example
 * const sched = new StepLR(opt, { stepSize: 30 });
 * for (let epoch = 0; epoch < 100; epoch++) { train(); sched.step(); }
 */
export abstract class LRScheduler {
  readonly optimizer: Optimizer<BaseOptions>;
  baseLrs: number[];
  lastEpoch: number;
  #lastLr: number[] = [];

  constructor(name: string, optimizer: Optimizer<BaseOptions>, lastEpoch = -1) {
    this.optimizer = optimizer;
    if (!Number.isInteger(lastEpoch) || lastEpoch < -1)
      throw new ArgumentError(`${name}: lastEpoch must be an integer ≥ −1, got ${lastEpoch}`);
    for (const [i, g] of optimizer.paramGroups.entries()) {
      if (lastEpoch === -1) g.initialLr = g.lr;
      else if (g.initialLr === undefined)
        throw new ArgumentError(
          `${name}: resuming at lastEpoch ${lastEpoch} needs initialLr in parameter group ${i}`,
        );
    }
    this.baseLrs = optimizer.paramGroups.map((g) => g.initialLr as number);
    this.lastEpoch = lastEpoch;
  }

  /** The learning rate at `epoch` for a group that started at `baseLr`. */
  abstract closedFormLr(baseLr: number, epoch: number): number;

  /**
   * Advances one epoch and updates every group's learning rate.
   *
   * @example
   * sched.step();
   */
  step(): void {
    this.lastEpoch++;
    this.#lastLr = this.optimizer.paramGroups.map((g, i) => {
      g.lr = this.closedFormLr(this.baseLrs[i] as number, this.lastEpoch);
      return g.lr;
    });
  }

  /** The learning rates set by the last `step()`. @example sched.getLastLr(); // [0.1] */
  getLastLr(): number[] {
    return [...this.#lastLr];
  }

  /** The epoch counter and base rates. @example const saved = sched.stateDict(); */
  stateDict(): LRSchedulerStateDict {
    return { lastEpoch: this.lastEpoch, baseLrs: [...this.baseLrs] };
  }

  /** Restores `stateDict()` output (the optimiser's lr is restored with the optimiser). */
  loadStateDict(state: LRSchedulerStateDict): void {
    if (!Number.isInteger(state?.lastEpoch) || !Array.isArray(state.baseLrs))
      throw new ArgumentError("LRScheduler.loadStateDict: expected { lastEpoch, baseLrs }");
    if (state.baseLrs.length !== this.optimizer.paramGroups.length)
      throw new ArgumentError(
        `LRScheduler.loadStateDict: ${state.baseLrs.length} base rates for ${this.optimizer.paramGroups.length} parameter groups`,
      );
    this.lastEpoch = state.lastEpoch;
    this.baseLrs = [...state.baseLrs];
    this.#lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }
}
