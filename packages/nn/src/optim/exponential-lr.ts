import { ArgumentError } from "@fluxion/core";
import { LRScheduler } from "./lr-scheduler.js";
import type { BaseOptions, Optimizer } from "./optimizer.js";

/** Options of `ExponentialLR`. */
export interface ExponentialLROptions {
  /** Multiplicative decay per epoch. */
  gamma: number;
  /** Epoch to resume from (default −1: start). */
  lastEpoch?: number;
}

/**
 * Multiplies the learning rate by γ every epoch, PyTorch's `ExponentialLR`: lr = base·γ^epoch
 * (recursively lr ← lr·γ, so it composes with other schedulers stepped on the same optimiser).
 *
 * @example
 * const sched = new ExponentialLR(opt, { gamma: 0.9 });
 */
export class ExponentialLR extends LRScheduler {
  /** Decay factor applied every epoch. */
  readonly gamma: number;

  constructor(optimizer: Optimizer<BaseOptions>, options: ExponentialLROptions) {
    super("ExponentialLR", optimizer, options?.lastEpoch);
    const { gamma } = options;
    if (typeof gamma !== "number" || !Number.isFinite(gamma))
      throw new ArgumentError(`ExponentialLR: gamma must be a finite number, got ${String(gamma)}`);
    this.gamma = gamma;
    this.step();
  }

  closedFormLr(baseLr: number, epoch: number): number {
    return baseLr * this.gamma ** epoch;
  }

  protected override getLr(): number[] {
    const first = this.lastEpoch === 0;
    return this.optimizer.paramGroups.map((g) => (first ? g.lr : g.lr * this.gamma));
  }
}
