import type { Tensor } from "@fluxion/core";
import { Module } from "../module/module.js";
import { type BinaryCrossEntropyOptions, binaryCrossEntropy } from "./binary-cross-entropy.js";
import {
  type BinaryCrossEntropyWithLogitsOptions,
  binaryCrossEntropyWithLogits,
} from "./binary-cross-entropy-with-logits.js";
import { type CrossEntropyOptions, crossEntropy } from "./cross-entropy.js";
import { type MseLossOptions, mseLoss } from "./mse.js";
import { type NllLossOptions, nllLoss } from "./nll-loss.js";

function describe(options: { reduction?: string; [k: string]: unknown }): string {
  return Object.entries(options)
    .filter(([, v]) => v !== undefined && typeof v !== "object")
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ");
}

/** `mseLoss` as a module. @example new MSELoss().call(prediction, target) */
export class MSELoss extends Module {
  constructor(readonly options: MseLossOptions = {}) {
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
  constructor(readonly options: BinaryCrossEntropyOptions = {}) {
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
  constructor(readonly options: BinaryCrossEntropyWithLogitsOptions = {}) {
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
  constructor(readonly options: CrossEntropyOptions = {}) {
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
  constructor(readonly options: NllLossOptions = {}) {
    super();
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return nllLoss(input, target, this.options);
  }
  override extraRepr(): string {
    return describe({ ...this.options });
  }
}
