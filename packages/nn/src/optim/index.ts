export { Adagrad, type AdagradOptions } from "./adagrad.js";
export { Adam, type AdamOptions, AdamW } from "./adam.js";
export { Adamax, type AdamaxOptions } from "./adamax.js";
export { CosineAnnealingLR, type CosineAnnealingLROptions } from "./cosine-annealing-lr.js";
export { ExponentialLR, type ExponentialLROptions } from "./exponential-lr.js";
export { LambdaLR, type LambdaLROptions, type LrLambda } from "./lambda-lr.js";
export { LinearLR, type LinearLROptions } from "./linear-lr.js";
export { LRScheduler, type LRSchedulerStateDict } from "./lr-scheduler.js";
export { NAdam, type NAdamOptions } from "./nadam.js";
export { OneCycleLR, type OneCycleLROptions } from "./one-cycle-lr.js";
export {
  type BaseOptions,
  Optimizer,
  type OptimizerStateDict,
  type ParamGroup,
  type ParamState,
  type ParamsInput,
} from "./optimizer.js";
export { RAdam, type RAdamOptions } from "./radam.js";
export {
  ReduceLROnPlateau,
  type ReduceLROnPlateauOptions,
  type ReduceLROnPlateauStateDict,
} from "./reduce-lr-on-plateau.js";
export { RMSprop, type RMSpropOptions } from "./rmsprop.js";
export { SequentialLR, type SequentialLRStateDict } from "./sequential-lr.js";
export { SGD, type SGDOptions } from "./sgd.js";
export { StepLR, type StepLROptions } from "./step-lr.js";
