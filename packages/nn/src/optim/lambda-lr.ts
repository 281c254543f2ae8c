import { ArgumentError } from "@fluxion/core";
import { LRScheduler } from "./lr-scheduler.js";
import type { BaseOptions, Optimizer } from "./optimizer.js";

/** A learning-rate factor as a function of the epoch. */
export type LrLambda = (epoch: number) => number;

/** Options of `LambdaLR`. */
export interface LambdaLROptions {
  /** Epoch to resume from (default −1: start). */
  lastEpoch?: number;
}

/**
 * Sets each group's learning rate to its base rate times `lrLambda(epoch)`, PyTorch's `LambdaLR`;
 * give one function, or one per parameter group. The functions are not part of `stateDict`.
 *
 * @example
 * const sched = new LambdaLR(opt, (epoch) => 0.95 ** epoch);
 */
export class LambdaLR extends LRScheduler {
  /** One factor function per parameter group: lr = initialLr · f(epoch). */
  readonly lrLambdas: readonly LrLambda[];

  constructor(
    optimizer: Optimizer<BaseOptions>,
    lrLambda: LrLambda | readonly LrLambda[],
    options: LambdaLROptions = {},
  ) {
    super("LambdaLR", optimizer, options?.lastEpoch);
    const groups = optimizer.paramGroups.length;
    const list: readonly LrLambda[] =
      typeof lrLambda === "function" ? Array.from({ length: groups }, () => lrLambda) : lrLambda;
    if (!Array.isArray(list) || !list.every((f) => typeof f === "function"))
      throw new ArgumentError(
        "LambdaLR: lrLambda must be a function of the epoch or an array of them, one per parameter group",
      );
    if (list.length !== groups)
      throw new ArgumentError(
        `LambdaLR: got ${list.length} lrLambda functions for ${groups} parameter groups`,
      );
    this.lrLambdas = list;
    this.step();
  }

  closedFormLr(baseLr: number, epoch: number, group: number): number {
    const f = this.lrLambdas[group];
    const factor = f ? f(epoch) : Number.NaN;
    if (typeof factor !== "number" || Number.isNaN(factor))
      throw new ArgumentError(
        `LambdaLR: lrLambda of parameter group ${group} returned ${String(factor)} at epoch ${epoch}; it must return a number`,
      );
    return baseLr * factor;
  }
}
