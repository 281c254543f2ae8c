import { ArgumentError } from "@fluxion/core";
import { LRScheduler } from "./lr-scheduler.js";
import type { BaseOptions, Optimizer } from "./optimizer.js";

/** Options of `LinearLR` (PyTorch's defaults). */
export interface LinearLROptions {
  /** Factor of the base rate at epoch 0, in (0, 1] (default 1/3). */
  startFactor?: number;
  /** Factor reached at `totalIters` and kept after, in [0, 1] (default 1). */
  endFactor?: number;
  /** Epochs of the linear change (default 5). */
  totalIters?: number;
  /** Epoch to resume from (default −1: start). */
  lastEpoch?: number;
}

/**
 * Changes the learning rate's factor linearly from `startFactor` to `endFactor` over `totalIters`
 * epochs, then keeps it (a warm-up with the defaults), PyTorch's `LinearLR`:
 * lr = base·(s + (e − s)·min(epoch, totalIters)/totalIters).
 *
 * @example
 * const warmup = new LinearLR(opt, { startFactor: 0.1, totalIters: 10 });
 */
export class LinearLR extends LRScheduler {
  /** Factor of the base rate at epoch 0. */
  readonly startFactor: number;
  /** Factor reached at `totalIters` and kept after. */
  readonly endFactor: number;
  /** Epochs of the linear change. */
  readonly totalIters: number;

  constructor(optimizer: Optimizer<BaseOptions>, options: LinearLROptions = {}) {
    super("LinearLR", optimizer, options?.lastEpoch);
    const { startFactor = 1 / 3, endFactor = 1, totalIters = 5 } = options ?? {};
    if (!(typeof startFactor === "number" && startFactor > 0 && startFactor <= 1))
      throw new ArgumentError(
        `LinearLR: startFactor must be in (0, 1], got ${String(startFactor)}`,
      );
    if (!(typeof endFactor === "number" && endFactor >= 0 && endFactor <= 1))
      throw new ArgumentError(`LinearLR: endFactor must be in [0, 1], got ${String(endFactor)}`);
    if (!Number.isInteger(totalIters) || totalIters < 1)
      throw new ArgumentError(
        `LinearLR: totalIters must be a positive integer, got ${String(totalIters)}`,
      );
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    this.step();
  }

  closedFormLr(baseLr: number, epoch: number): number {
    const { startFactor: s, endFactor: e, totalIters: n } = this;
    return baseLr * (s + ((e - s) * Math.min(n, epoch)) / n);
  }

  /** PyTorch's recursive form, from each group's current rate. */
  protected override getLr(): number[] {
    const { startFactor: s, endFactor: e, totalIters: n, lastEpoch: t } = this;
    return this.optimizer.paramGroups.map((g) => {
      if (t === 0) return g.lr * s;
      if (t > n) return g.lr;
      return g.lr * (1 + (e - s) / (n * s + (t - 1) * (e - s)));
    });
  }
}
