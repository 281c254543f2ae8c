import { ArgumentError } from "@fluxion/core";
import { LRScheduler } from "./lr-scheduler.js";
import type { BaseOptions, Optimizer } from "./optimizer.js";

/** Options of `StepLR`. */
export interface StepLROptions {
  /** Epochs between decays. */
  stepSize: number;
  /** Decay factor (default 0.1). */
  gamma?: number;
  /** Epoch to resume from (default −1: start). */
  lastEpoch?: number;
}

/**
 * Multiplies the learning rate by γ every `stepSize` epochs, PyTorch's closed form
 * lr = base·γ^⌊epoch / stepSize⌋.
 *
 * @example
 * const sched = new StepLR(opt, { stepSize: 10, gamma: 0.5 });
 */
export class StepLR extends LRScheduler {
  /** Epochs between decays. */
  readonly stepSize: number;
  /** Decay factor applied every `stepSize` epochs. */
  readonly gamma: number;

  constructor(optimizer: Optimizer<BaseOptions>, options: StepLROptions) {
    super("StepLR", optimizer, options?.lastEpoch);
    const { stepSize, gamma = 0.1 } = options ?? {};
    if (!Number.isInteger(stepSize) || stepSize < 1)
      throw new ArgumentError(`StepLR: stepSize must be a positive integer, got ${stepSize}`);
    if (!Number.isFinite(gamma))
      throw new ArgumentError(`StepLR: gamma must be a finite number, got ${gamma}`);
    this.stepSize = stepSize;
    this.gamma = gamma;
    this.step();
  }

  closedFormLr(baseLr: number, epoch: number): number {
    return baseLr * this.gamma ** Math.floor(epoch / this.stepSize);
  }

  /** PyTorch's recursive form: the current rate, times γ at each multiple of stepSize. */
  protected override getLr(): number[] {
    const decay = this.lastEpoch !== 0 && this.lastEpoch % this.stepSize === 0;
    return this.optimizer.paramGroups.map((g) => (decay ? g.lr * this.gamma : g.lr));
  }
}
