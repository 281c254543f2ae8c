import type { Tensor } from "@fluxion/core";
import { Module } from "../module/module.js";
import { type BinaryCrossEntropyOptions, binaryCrossEntropy } from "./binary-cross-entropy.js";
import {
  type BinaryCrossEntropyWithLogitsOptions,
  binaryCrossEntropyWithLogits,
} from "./binary-cross-entropy-with-logits.js";
import { type CosineEmbeddingLossOptions, cosineEmbeddingLoss } from "./cosine-embedding-loss.js";
import { type CrossEntropyOptions, crossEntropy } from "./cross-entropy.js";
import { type HuberLossOptions, huberLoss } from "./huber-loss.js";
import { type KlDivOptions, klDiv } from "./kl-div.js";
import { type L1LossOptions, l1Loss } from "./l1-loss.js";
import { type MarginRankingLossOptions, marginRankingLoss } from "./margin-ranking-loss.js";
import { type MseLossOptions, mseLoss } from "./mse.js";
import { type NllLossOptions, nllLoss } from "./nll-loss.js";
import { type SmoothL1LossOptions, smoothL1Loss } from "./smooth-l1-loss.js";
import { type SoftMarginLossOptions, softMarginLoss } from "./soft-margin-loss.js";

function describe(options: { reduction?: string; [k: string]: unknown }): string {
  return Object.entries(options)
    .filter(([, v]) => v !== undefined && typeof v !== "object")
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ");
}

/** `mseLoss` as a module. @example new MSELoss().call(prediction, target) */
export class MSELoss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: MseLossOptions = {},
  ) {
    super();
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return mseLoss(input, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}

/** `binaryCrossEntropy` as a module. @example new BCELoss().call(probabilities, target) */
export class BCELoss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: BinaryCrossEntropyOptions = {},
  ) {
    super();
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropy(input, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}

/** `binaryCrossEntropyWithLogits` as a module. @example new BCEWithLogitsLoss().call(logits, target) */
export class BCEWithLogitsLoss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: BinaryCrossEntropyWithLogitsOptions = {},
  ) {
    super();
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropyWithLogits(input, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}

/** `crossEntropy` as a module. @example new CrossEntropyLoss({ labelSmoothing: 0.1 }).call(logits, labels) */
export class CrossEntropyLoss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: CrossEntropyOptions = {},
  ) {
    super();
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return crossEntropy(input, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}

/** `nllLoss` as a module. @example new NLLLoss().call(logProbabilities, labels) */
export class NLLLoss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: NllLossOptions = {},
  ) {
    super();
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return nllLoss(input, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}

/** `l1Loss` as a module. @example new L1Loss().call(prediction, target) */
export class L1Loss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: L1LossOptions = {},
  ) {
    super();
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return l1Loss(input, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}

/** `smoothL1Loss` as a module. @example new SmoothL1Loss({ beta: 0.5 }).call(prediction, target) */
export class SmoothL1Loss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: SmoothL1LossOptions = {},
  ) {
    super();
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return smoothL1Loss(input, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}

/** `huberLoss` as a module. @example new HuberLoss({ delta: 2 }).call(prediction, target) */
export class HuberLoss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: HuberLossOptions = {},
  ) {
    super();
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return huberLoss(input, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}

/** `klDiv` as a module, PyTorch's `KLDivLoss`. @example new KLDivLoss({ reduction: "batchmean" }).call(logQ, p) */
export class KLDivLoss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: KlDivOptions = {},
  ) {
    super();
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return klDiv(input, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}

/** `softMarginLoss` as a module. @example new SoftMarginLoss().call(scores, labels) */
export class SoftMarginLoss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: SoftMarginLossOptions = {},
  ) {
    super();
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return softMarginLoss(input, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}

/** `marginRankingLoss` as a module. @example new MarginRankingLoss({ margin: 1 }).call(x1, x2, y) */
export class MarginRankingLoss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: MarginRankingLossOptions = {},
  ) {
    super();
  }
  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return marginRankingLoss(input1, input2, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}

/** `cosineEmbeddingLoss` as a module. @example new CosineEmbeddingLoss({ margin: 0.2 }).call(x1, x2, y) */
export class CosineEmbeddingLoss extends Module {
  constructor(
    /** The options the loss was made with (`reduction` and the loss's own), passed on each call. */
    readonly options: CosineEmbeddingLossOptions = {},
  ) {
    super();
  }
  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return cosineEmbeddingLoss(input1, input2, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}
