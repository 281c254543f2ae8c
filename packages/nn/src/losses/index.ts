export { type BinaryCrossEntropyOptions, binaryCrossEntropy } from "./binary-cross-entropy.js";
export {
  type BinaryCrossEntropyWithLogitsOptions,
  binaryCrossEntropyWithLogits,
} from "./binary-cross-entropy-with-logits.js";
export { type CrossEntropyOptions, crossEntropy } from "./cross-entropy.js";
export { BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, MSELoss, NLLLoss } from "./modules.js";
export { type MseLossOptions, mseLoss } from "./mse.js";
export { type NllLossOptions, nllLoss } from "./nll-loss.js";
export type { Reduction } from "./reduction.js";
