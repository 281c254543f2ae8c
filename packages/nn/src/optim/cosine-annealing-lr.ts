import { ArgumentError } from "@fluxion/core";
import { LRScheduler } from "./lr-scheduler.js";
import type { BaseOptions, Optimizer } from "./optimizer.js";

/** Options of `CosineAnnealingLR`. */
export interface CosineAnnealingLROptions {
  /** Epochs of a half cosine period: the rate reaches `etaMin` at epoch tMax. */
  tMax: number;
  /** Minimum learning rate (default 0). */
  etaMin?: number;
  /** Epoch to resume from (default −1: start). */
  lastEpoch?: number;
}

/**
 * Cosine annealing without restarts, PyTorch's closed form
 * lr = ηmin + (base − ηmin)·(1 + cos(π·epoch / tMax)) / 2.
 *
 * @example
 * const sched = new CosineAnnealingLR(opt, { tMax: 100, etaMin: 1e-5 });
 */
export class CosineAnnealingLR extends LRScheduler {
  /** Epochs of a half cosine period: the rate reaches `etaMin` at epoch tMax. */
  readonly tMax: number;
  /** Minimum learning rate. */
  readonly etaMin: number;

  constructor(optimizer: Optimizer<BaseOptions>, options: CosineAnnealingLROptions) {
    super("CosineAnnealingLR", optimizer, options?.lastEpoch);
    const { tMax, etaMin = 0 } = options ?? {};
    if (!(Number.isFinite(tMax) && tMax > 0))
      throw new ArgumentError(`CosineAnnealingLR: tMax must be a positive number, got ${tMax}`);
    if (!Number.isFinite(etaMin))
      throw new ArgumentError(`CosineAnnealingLR: etaMin must be a finite number, got ${etaMin}`);
    this.tMax = tMax;
    this.etaMin = etaMin;
    this.step();
  }

  closedFormLr(baseLr: number, epoch: number): number {
    return (
      this.etaMin + ((baseLr - this.etaMin) * (1 + Math.cos((Math.PI * epoch) / this.tMax))) / 2
    );
  }
}
