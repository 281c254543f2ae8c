export { type BinaryCrossEntropyOptions, binaryCrossEntropy } from "./binary-cross-entropy.js";
export {
  type BinaryCrossEntropyWithLogitsOptions,
  binaryCrossEntropyWithLogits,
} from "./binary-cross-entropy-with-logits.js";
export { type CosineEmbeddingLossOptions, cosineEmbeddingLoss } from "./cosine-embedding-loss.js";
export { type CrossEntropyOptions, crossEntropy } from "./cross-entropy.js";
export { type HuberLossOptions, huberLoss } from "./huber-loss.js";
export { type KlDivOptions, type KlDivReduction, klDiv } from "./kl-div.js";
export { type L1LossOptions, l1Loss } from "./l1-loss.js";
export { type MarginRankingLossOptions, marginRankingLoss } from "./margin-ranking-loss.js";
export {
  BCELoss,
  BCEWithLogitsLoss,
  CosineEmbeddingLoss,
  CrossEntropyLoss,
  HuberLoss,
  KLDivLoss,
  L1Loss,
  MarginRankingLoss,
  MSELoss,
  NLLLoss,
  SmoothL1Loss,
  SoftMarginLoss,
} from "./modules.js";
export { type MseLossOptions, mseLoss } from "./mse.js";
export { type NllLossOptions, nllLoss } from "./nll-loss.js";
export type { Reduction } from "./reduction.js";
export { type SmoothL1LossOptions, smoothL1Loss } from "./smooth-l1-loss.js";
export { type SoftMarginLossOptions, softMarginLoss } from "./soft-margin-loss.js";
