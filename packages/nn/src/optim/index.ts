export { Adagrad, type AdagradOptions } from "./adagrad.js";
export { Adam, type AdamOptions, AdamW } from "./adam.js";
export { Adamax, type AdamaxOptions } from "./adamax.js";
export { CosineAnnealingLR, type CosineAnnealingLROptions } from "./cosine-annealing-lr.js";
export { LRScheduler, type LRSchedulerStateDict } from "./lr-scheduler.js";
export { NAdam, type NAdamOptions } from "./nadam.js";
export {
  type BaseOptions,
  Optimizer,
  type OptimizerStateDict,
  type ParamGroup,
  type ParamState,
  type ParamsInput,
} from "./optimizer.js";
export { RAdam, type RAdamOptions } from "./radam.js";
export { RMSprop, type RMSpropOptions } from "./rmsprop.js";
export { SGD, type SGDOptions } from "./sgd.js";
export { StepLR, type StepLROptions } from "./step-lr.js";
