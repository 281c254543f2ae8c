import { ArgumentError } from "@fluxion/core";
import { type BaseOptions, Optimizer } from "./optimizer.js";

/** A scheduler's state: the epoch counter, the learning rates it started from, the last rates set. */
export interface LRSchedulerStateDict {
  /** The epoch of the last `step()` (−1 before the first). */
  lastEpoch: number;
  /** Each group's starting learning rate (`initialLr`). */
  baseLrs: number[];
  /** The learning rates the last `step()` set. */
  lastLr?: number[];
}

/** Throws unless `optimizer` is an Optimizer. */
export function checkOptimizer(name: string, optimizer: unknown): Optimizer<BaseOptions> {
  if (!(optimizer instanceof Optimizer))
    throw new ArgumentError(
      `${name}: optimizer must be an Optimizer, got ${optimizer === null ? "null" : typeof optimizer}`,
    );
  return optimizer;
}

/**
 * Base class of learning-rate schedulers, like PyTorch's `LRScheduler`. Each `step()` advances the
 * epoch counter and sets every group's `lr` from `getLr()`, which is PyTorch's recursive
 * ("chainable") form where PyTorch has one, so schedulers stepped together on one optimiser
 * compose as in PyTorch; `step(epoch)` jumps to `epoch` with the closed form. Constructing one
 * records each group's starting rate as `initialLr` (kept if already set, as PyTorch's
 * `setdefault`); a subclass's constructor ends with `this.step()`, which applies epoch 0.
 *
 * @example
 * const sched = new StepLR(opt, { stepSize: 30 });
 * for (let epoch = 0; epoch < 100; epoch++) { train(); sched.step(); }
 */
export abstract class LRScheduler {
  /** The optimiser whose groups' `lr` this scheduler sets. */
  readonly optimizer: Optimizer<BaseOptions>;
  /** Each group's starting learning rate (`initialLr`), which the schedule scales. */
  baseLrs: number[];
  /** The epoch of the last `step()` (0 right after construction). */
  lastEpoch: number;
  /** The scheduler's class name, used in error messages. */
  protected readonly name: string;
  #lastLr: number[] = [];

  constructor(name: string, optimizer: Optimizer<BaseOptions>, lastEpoch = -1) {
    this.name = name;
    this.optimizer = checkOptimizer(name, optimizer);
    if (!Number.isInteger(lastEpoch) || lastEpoch < -1)
      throw new ArgumentError(`${name}: lastEpoch must be an integer ≥ −1, got ${lastEpoch}`);
    for (const [i, g] of optimizer.paramGroups.entries()) {
      if (lastEpoch === -1) g.initialLr ??= g.lr;
      else if (g.initialLr === undefined)
        throw new ArgumentError(
          `${name}: resuming at lastEpoch ${lastEpoch} needs initialLr in parameter group ${i}`,
        );
    }
    this.baseLrs = optimizer.paramGroups.map((g) => g.initialLr ?? g.lr);
    this.lastEpoch = lastEpoch;
  }

  /** The learning rate of parameter group `group` (which started at `baseLr`) at `epoch`. */
  abstract closedFormLr(baseLr: number, epoch: number, group: number): number;

  /** The learning rates of every group at `lastEpoch` in closed form. */
  protected closedFormLrs(): number[] {
    return this.baseLrs.map((b, i) => this.closedFormLr(b, this.lastEpoch, i));
  }

  /**
   * The learning rates for the epoch `step()` just entered: PyTorch's `get_lr`. The default is
   * the closed form; schedulers whose PyTorch form is recursive (from each group's current `lr`)
   * override it.
   */
  protected getLr(): number[] {
    return this.closedFormLrs();
  }

  /** Sets every group's learning rate. */
  protected applyLrs(lrs: readonly number[]): void {
    this.#lastLr = this.optimizer.paramGroups.map((g, i) => {
      g.lr = lrs[i] ?? g.lr;
      return g.lr;
    });
  }

  /**
   * Advances one epoch and updates every group's learning rate; with `epoch`, jumps to that
   * epoch and uses the closed form (PyTorch's deprecated `step(epoch)`, used by SequentialLR).
   *
   * @example
   * sched.step();
   */
  step(epoch?: number): void {
    if (epoch === undefined) {
      this.lastEpoch++;
      this.applyLrs(this.getLr());
      return;
    }
    if (!Number.isInteger(epoch) || epoch < 0)
      throw new ArgumentError(
        `${this.name}.step: epoch must be a non-negative integer, got ${String(epoch)}`,
      );
    this.lastEpoch = epoch;
    this.applyLrs(this.closedFormLrs());
  }

  /** The learning rates set by the last `step()`. @example sched.getLastLr(); // [0.1] */
  getLastLr(): number[] {
    return [...this.#lastLr];
  }

  /** The epoch counter, base rates and last rates. @example const saved = sched.stateDict(); */
  stateDict(): LRSchedulerStateDict {
    return { lastEpoch: this.lastEpoch, baseLrs: [...this.baseLrs], lastLr: [...this.#lastLr] };
  }

  /**
   * Restores `stateDict()` output (the optimiser's lr is restored with the optimiser).
   *
   * @example
   * sched.loadStateDict(saved);
   */
  loadStateDict(state: LRSchedulerStateDict): void {
    const op = `${this.name}.loadStateDict`;
    if (!Number.isInteger(state?.lastEpoch) || !Array.isArray(state.baseLrs))
      throw new ArgumentError(`${op}: expected { lastEpoch, baseLrs }`);
    if (state.baseLrs.length !== this.optimizer.paramGroups.length)
      throw new ArgumentError(
        `${op}: ${state.baseLrs.length} base rates for ${this.optimizer.paramGroups.length} parameter groups`,
      );
    this.lastEpoch = state.lastEpoch;
    this.baseLrs = [...state.baseLrs];
    this.#lastLr = Array.isArray(state.lastLr)
      ? [...state.lastLr]
      : this.optimizer.paramGroups.map((g) => g.lr);
  }
}
