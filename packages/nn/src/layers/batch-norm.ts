import {
  ArgumentError,
  type DType,
  formatShape,
  noGrad,
  ones,
  ShapeError,
  type Tensor,
  zeros,
} from "@fluxion/core";
import { Module } from "../module/module.js";
import { Parameter } from "../module/parameter.js";

import { checkEps } from "./normalized-shape.js";

/** Options of `BatchNorm1d` and `BatchNorm2d` (PyTorch's names and defaults). */
export interface BatchNormOptions {
  /** Added to the variance for stability (default 1e-5). */
  eps?: number;
  /**
   * Weight of the new batch in the running statistics (default 0.1); null for a cumulative
   * moving average (weight 1/numBatchesTracked).
   */
  momentum?: number | null;
  /** Learn a per-channel scale (ones) and shift (zeros) (default true). */
  affine?: boolean;
  /** Keep running statistics for evaluation mode (default true). */
  trackRunningStats?: boolean;
  /** Parameter and running-statistics dtype (default: core's default dtype). */
  dtype?: DType;
}

/**
 * Batch normalisation over every axis but the channel axis 1, PyTorch's `_BatchNorm`. In training
 * mode (or without running statistics) it normalises with the batch mean and biased variance and
 * updates the buffers `running_mean`, `running_var` (with the unbiased variance, as PyTorch does)
 * and `num_batches_tracked`; in evaluation mode it uses the running statistics.
 *
 * @example
 * const bn: BatchNorm = new BatchNorm1d(4); // use BatchNorm1d or BatchNorm2d
 * bn.numFeatures; // 4
 */
export abstract class BatchNorm extends Module {
  /** Number of channels C (the size of axis 1 of the input). */
  readonly numFeatures: number;
  /** Added to the variance for numerical stability. */
  readonly eps: number;
  /** Weight of the new batch in the running statistics; null for a cumulative moving average. */
  readonly momentum: number | null;
  /** Whether the layer learns a per-channel scale (`weight`) and shift (`bias`). */
  readonly affine: boolean;
  /** Whether running statistics are kept (and used in evaluation mode). */
  readonly trackRunningStats: boolean;
  /** Per-channel scale γ of shape [C] (initialised to ones), or null without `affine`. */
  weight: Parameter | null;
  /** Per-channel shift β of shape [C] (initialised to zeros), or null without `affine`. */
  bias: Parameter | null;
  readonly #name: string;
  readonly #ranks: readonly number[];

  constructor(
    name: string,
    ranks: readonly number[],
    numFeatures: number,
    options: BatchNormOptions,
  ) {
    super();
    this.#name = name;
    this.#ranks = ranks;
    if (!Number.isInteger(numFeatures) || numFeatures < 1)
      throw new ArgumentError(
        `${name}: numFeatures must be a positive integer, got ${String(numFeatures)}`,
      );
    const momentum = options.momentum === undefined ? 0.1 : options.momentum;
    if (momentum !== null && !(typeof momentum === "number" && momentum >= 0 && momentum <= 1))
      throw new ArgumentError(
        `${name}: momentum must be a number in [0, 1] or null, got ${String(momentum)}`,
      );
    this.numFeatures = numFeatures;
    this.eps = checkEps(name, options.eps ?? 1e-5);
    this.momentum = momentum;
    this.affine = options.affine ?? true;
    this.trackRunningStats = options.trackRunningStats ?? true;
    const dtype = options.dtype;
    this.weight = this.affine ? new Parameter(ones([numFeatures], { dtype })) : null;
    this.bias = this.affine ? new Parameter(zeros([numFeatures], { dtype })) : null;
    const track = this.trackRunningStats;
    this.registerBuffer("running_mean", track ? zeros([numFeatures], { dtype }) : null);
    this.registerBuffer("running_var", track ? ones([numFeatures], { dtype }) : null);
    this.registerBuffer("num_batches_tracked", track ? zeros([], { dtype: "int32" }) : null);
  }

  /** The running mean (null without running statistics). */
  get runningMean(): Tensor | null {
    return this.getBuffer("running_mean");
  }

  /** The running (unbiased) variance (null without running statistics). */
  get runningVar(): Tensor | null {
    return this.getBuffer("running_var");
  }

  /** How many training batches updated the running statistics (null without them). */
  get numBatchesTracked(): Tensor | null {
    return this.getBuffer("num_batches_tracked");
  }

  /**
   * Resets the running statistics to mean 0, variance 1 and no batches tracked.
   *
   * @example
   * bn.resetRunningStats();
   */
  resetRunningStats(): void {
    noGrad(() => {
      this.runningMean?.fill_(0);
      this.runningVar?.fill_(1);
      this.numBatchesTracked?.fill_(0);
    });
  }

  /**
   * Resets the running statistics and the affine parameters (scale 1, shift 0).
   *
   * @example
   * bn.resetParameters();
   */
  resetParameters(): void {
    this.resetRunningStats();
    noGrad(() => {
      this.weight?.fill_(1);
      this.bias?.fill_(0);
    });
  }

  override forward(x: Tensor): Tensor {
    const name = this.#name;
    if (!this.#ranks.includes(x.ndim))
      throw new ShapeError(
        `${name}: expected a ${this.#ranks.map((r) => `${r}-D`).join(" or ")} input with ${this.numFeatures} channels on axis 1, got input shape ${formatShape(x.shape)}`,
      );
    if (x.shape[1] !== this.numFeatures)
      throw new ShapeError(
        `${name}: expected ${this.numFeatures} channels on axis 1, got input shape ${formatShape(x.shape)}`,
      );
    const axes = x.shape.map((_, i) => i).filter((i) => i !== 1);
    const channelShape = x.shape.map((d, i) => (i === 1 ? d : 1));
    const asChannel = (t: Tensor) => t.reshape(channelShape);
    const runningMean = this.runningMean;
    const runningVar = this.runningVar;
    const useBatchStats = this.training || runningMean === null || runningVar === null;
    let y: Tensor;
    if (useBatchStats) {
      const n = x.size / this.numFeatures;
      if (n <= 1)
        throw new ArgumentError(
          `${name}: expected more than 1 value per channel when training, got input shape ${formatShape(x.shape)}`,
        );
      const mean = x.mean(axes, true);
      const centred = x.sub(mean);
      const variance = centred.mul(centred).mean(axes, true);
      y = centred.div(variance.add(this.eps).sqrt());
      if (this.training && runningMean !== null && runningVar !== null)
        this.#updateRunningStats(runningMean, runningVar, mean, variance, n);
    } else {
      this.#checkDType(x, runningMean);
      y = x.sub(asChannel(runningMean)).div(asChannel(runningVar).add(this.eps).sqrt());
    }
    if (this.weight) y = y.mul(asChannel(this.weight));
    if (this.bias) y = y.add(asChannel(this.bias));
    return y;
  }

  #checkDType(x: Tensor, stats: Tensor): void {
    if (x.dtype !== stats.dtype)
      throw new ArgumentError(
        `${this.#name}: input is ${x.dtype} but the running statistics are ${stats.dtype}; convert the module with .to("${x.dtype}")`,
      );
  }

  #updateRunningStats(
    runningMean: Tensor,
    runningVar: Tensor,
    mean: Tensor,
    variance: Tensor,
    n: number,
  ): void {
    this.#checkDType(mean, runningMean);
    noGrad(() => {
      const tracked = this.numBatchesTracked;
      let factor = this.momentum ?? 0;
      if (tracked !== null) {
        tracked.add_(1);
        if (this.momentum === null) factor = 1 / tracked.item();
      }
      const batchMean = mean.reshape([this.numFeatures]);
      // NOTE: the running variance takes the unbiased batch variance (n/(n − 1)), as PyTorch's.
      const unbiased = variance.reshape([this.numFeatures]).mul(n / (n - 1));
      runningMean.copy_(batchMean.mul(factor).add(runningMean.mul(1 - factor)));
      runningVar.copy_(unbiased.mul(factor).add(runningVar.mul(1 - factor)));
    });
  }

  override extraRepr(): string {
    return `${this.numFeatures}, eps=${this.eps}, momentum=${this.momentum ?? "null"}, affine=${this.affine}, trackRunningStats=${this.trackRunningStats}`;
  }
}

/**
 * Batch normalisation of a [batch, channels] or [batch, channels, length] input, PyTorch's
 * `nn.BatchNorm1d`, with running statistics in the buffers `running_mean`, `running_var` and
 * `num_batches_tracked` (PyTorch's stateDict keys).
 *
 * @example
 * const bn = new BatchNorm1d(3);
 * bn.call(randn([8, 3]));   // training: batch statistics, running stats updated
 * bn.eval().call(randn([2, 3])); // evaluation: running statistics
 * Object.keys(bn.stateDict()); // ["weight", "bias", "running_mean", "running_var", "num_batches_tracked"]
 */
export class BatchNorm1d extends BatchNorm {
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super("BatchNorm1d", [2, 3], numFeatures, options);
  }
}

/**
 * Batch normalisation of a [batch, channels, height, width] input, PyTorch's `nn.BatchNorm2d`
 * (statistics per channel over batch, height and width); otherwise as `BatchNorm1d`.
 *
 * @example
 * const bn = new BatchNorm2d(16);
 * bn.call(randn([4, 16, 8, 8])).shape; // [4, 16, 8, 8]
 */
export class BatchNorm2d extends BatchNorm {
  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super("BatchNorm2d", [4], numFeatures, options);
  }
}
