import { ArgumentError, Tensor } from "@fluxion/core";
import { checkOptimizer } from "./lr-scheduler.js";
import type { BaseOptions, Optimizer } from "./optimizer.js";

/** Options of `ReduceLROnPlateau` (PyTorch's names and defaults). */
export interface ReduceLROnPlateauOptions {
  /** "min" (default): the metric should fall (a loss); "max": it should rise (an accuracy). */
  mode?: "min" | "max";
  /** Factor applied to the rate on a plateau, < 1 (default 0.1). */
  factor?: number;
  /** Epochs without improvement tolerated before reducing (default 10). */
  patience?: number;
  /** Smallest change that counts as an improvement (default 1e-4). */
  threshold?: number;
  /** "rel" (default): relative to the best value; "abs": absolute. */
  thresholdMode?: "rel" | "abs";
  /** Epochs to wait after a reduction before counting bad epochs again (default 0). */
  cooldown?: number;
  /** Lower bound of the rate, or one per parameter group (default 0). */
  minLr?: number | readonly number[];
  /** A reduction smaller than this is skipped (default 1e-8). */
  eps?: number;
}

/** What `ReduceLROnPlateau.stateDict` returns. */
export interface ReduceLROnPlateauStateDict {
  /** "min": the metric should fall (a loss); "max": it should rise (an accuracy). */
  mode: "min" | "max";
  /** Factor applied to the learning rate on a plateau. */
  factor: number;
  /** Epochs without improvement tolerated before reducing. */
  patience: number;
  /** Smallest change that counts as an improvement. */
  threshold: number;
  /** "rel": `threshold` is relative to the best value; "abs": absolute. */
  thresholdMode: "rel" | "abs";
  /** Epochs to wait after a reduction before counting bad epochs again. */
  cooldown: number;
  /** Lower bound of the learning rate of each parameter group. */
  minLrs: number[];
  /** A reduction smaller than this is skipped. */
  eps: number;
  /** The best metric seen. */
  best: number;
  /** Consecutive epochs without improvement so far. */
  numBadEpochs: number;
  /** Epochs of cooldown left. */
  cooldownCounter: number;
  /** Number of `step()` calls so far. */
  lastEpoch: number;
  /** The learning rates after the last `step()`. */
  lastLr: number[];
}

/**
 * Reduces the learning rate by `factor` when a metric has stopped improving for more than
 * `patience` epochs, PyTorch's `ReduceLROnPlateau`. Call `step(metric)` once per epoch with the
 * validation loss (or, in "max" mode, a score).
 *
 * @example
 * const sched = new ReduceLROnPlateau(opt, { patience: 5 });
 * for (let epoch = 0; epoch < 100; epoch++) { train(); sched.step(validationLoss()); }
 */
export class ReduceLROnPlateau {
  /** The optimiser whose groups' `lr` this scheduler reduces. */
  readonly optimizer: Optimizer<BaseOptions>;
  /** "min": the metric should fall (a loss); "max": it should rise (an accuracy). */
  mode: "min" | "max";
  /** Factor applied to the learning rate on a plateau. */
  factor: number;
  /** Epochs without improvement tolerated before reducing. */
  patience: number;
  /** Smallest change that counts as an improvement. */
  threshold: number;
  /** "rel": `threshold` is relative to the best value; "abs": absolute. */
  thresholdMode: "rel" | "abs";
  /** Epochs to wait after a reduction before counting bad epochs again. */
  cooldown: number;
  /** Lower bound of the learning rate of each parameter group. */
  minLrs: number[];
  /** A reduction smaller than this is skipped. */
  eps: number;
  /** The best metric seen (±Infinity before the first step). */
  best: number;
  /** Consecutive epochs without improvement so far. */
  numBadEpochs = 0;
  /** Epochs of cooldown left. */
  cooldownCounter = 0;
  /** Number of `step()` calls so far. */
  lastEpoch = 0;
  #lastLr: number[];

  constructor(optimizer: Optimizer<BaseOptions>, options: ReduceLROnPlateauOptions = {}) {
    const name = "ReduceLROnPlateau";
    this.optimizer = checkOptimizer(name, optimizer);
    const {
      mode = "min",
      factor = 0.1,
      patience = 10,
      threshold = 1e-4,
      thresholdMode = "rel",
      cooldown = 0,
      minLr = 0,
      eps = 1e-8,
    } = options;
    if (mode !== "min" && mode !== "max")
      throw new ArgumentError(`${name}: mode must be "min" or "max", got ${JSON.stringify(mode)}`);
    if (thresholdMode !== "rel" && thresholdMode !== "abs")
      throw new ArgumentError(
        `${name}: thresholdMode must be "rel" or "abs", got ${JSON.stringify(thresholdMode)}`,
      );
    if (!(typeof factor === "number" && factor >= 0 && factor < 1))
      throw new ArgumentError(`${name}: factor must be a number in [0, 1), got ${String(factor)}`);
    for (const [arg, v] of [
      ["patience", patience],
      ["cooldown", cooldown],
    ] as const)
      if (!Number.isInteger(v) || v < 0)
        throw new ArgumentError(`${name}: ${arg} must be a non-negative integer, got ${String(v)}`);
    for (const [arg, v] of [
      ["threshold", threshold],
      ["eps", eps],
    ] as const)
      if (!(typeof v === "number" && v >= 0 && Number.isFinite(v)))
        throw new ArgumentError(
          `${name}: ${arg} must be a finite non-negative number, got ${String(v)}`,
        );
    const groups = optimizer.paramGroups.length;
    const minLrs = typeof minLr === "number" ? new Array<number>(groups).fill(minLr) : [...minLr];
    if (minLrs.length !== groups || !minLrs.every((v) => typeof v === "number" && v >= 0))
      throw new ArgumentError(
        `${name}: minLr must be a non-negative number or an array of ${groups} (one per parameter group), got ${JSON.stringify(minLr)}`,
      );
    this.mode = mode;
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.thresholdMode = thresholdMode;
    this.cooldown = cooldown;
    this.minLrs = minLrs;
    this.eps = eps;
    this.best = mode === "min" ? Infinity : -Infinity;
    this.#lastLr = optimizer.paramGroups.map((g) => g.lr);
  }

  /** Whether `a` improves on `best` by more than the threshold. */
  #isBetter(a: number, best: number): boolean {
    const t = this.threshold;
    if (this.mode === "min")
      return this.thresholdMode === "rel" ? a < best * (1 - t) : a < best - t;
    return this.thresholdMode === "rel" ? a > best * (t + 1) : a > best + t;
  }

  /**
   * Records one epoch's `metric` (a number or a one-element tensor) and reduces the rates when
   * it has not improved for more than `patience` epochs.
   *
   * @example
   * sched.step(valLoss);
   */
  step(metric: number | Tensor): void {
    const current = metric instanceof Tensor ? metric.item() : metric;
    if (typeof current !== "number")
      throw new ArgumentError(
        `ReduceLROnPlateau.step: metric must be a number or a one-element tensor, got ${typeof metric}`,
      );
    this.lastEpoch++;
    if (this.#isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else this.numBadEpochs++;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter--;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.patience) {
      this.optimizer.paramGroups.forEach((g, i) => {
        const newLr = Math.max(g.lr * this.factor, this.minLrs[i] ?? 0);
        if (g.lr - newLr > this.eps) g.lr = newLr;
      });
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.#lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** The learning rates after the last `step`. @example sched.getLastLr(); */
  getLastLr(): number[] {
    return [...this.#lastLr];
  }

  /** Whether a reduction's cooldown is running. */
  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  /** Everything but the optimiser. @example const saved = sched.stateDict(); */
  stateDict(): ReduceLROnPlateauStateDict {
    return {
      mode: this.mode,
      factor: this.factor,
      patience: this.patience,
      threshold: this.threshold,
      thresholdMode: this.thresholdMode,
      cooldown: this.cooldown,
      minLrs: [...this.minLrs],
      eps: this.eps,
      best: this.best,
      numBadEpochs: this.numBadEpochs,
      cooldownCounter: this.cooldownCounter,
      lastEpoch: this.lastEpoch,
      lastLr: [...this.#lastLr],
    };
  }

  /** Restores `stateDict()` output. @example sched.loadStateDict(saved); */
  loadStateDict(state: ReduceLROnPlateauStateDict): void {
    const keys: (keyof ReduceLROnPlateauStateDict)[] = [
      "mode",
      "factor",
      "patience",
      "threshold",
      "thresholdMode",
      "cooldown",
      "minLrs",
      "eps",
      "best",
      "numBadEpochs",
      "cooldownCounter",
      "lastEpoch",
      "lastLr",
    ];
    const missing = keys.filter((k) => state?.[k] === undefined);
    if (missing.length > 0)
      throw new ArgumentError(`ReduceLROnPlateau.loadStateDict: missing ${missing.join(", ")}`);
    this.mode = state.mode;
    this.factor = state.factor;
    this.patience = state.patience;
    this.threshold = state.threshold;
    this.thresholdMode = state.thresholdMode;
    this.cooldown = state.cooldown;
    this.minLrs = [...state.minLrs];
    this.eps = state.eps;
    this.best = state.best;
    this.numBadEpochs = state.numBadEpochs;
    this.cooldownCounter = state.cooldownCounter;
    this.lastEpoch = state.lastEpoch;
    this.#lastLr = [...state.lastLr];
  }
}
