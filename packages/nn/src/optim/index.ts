export { Adam, type AdamOptions, AdamW } from "./adam.js";
export { CosineAnnealingLR, type CosineAnnealingLROptions } from "./cosine-annealing-lr.js";
export { LRScheduler, type LRSchedulerStateDict } from "./lr-scheduler.js";
export {
  type BaseOptions,
  Optimizer,
  type OptimizerStateDict,
  type ParamGroup,
  type ParamState,
  type ParamsInput,
} from "./optimizer.js";
export { SGD, type SGDOptions } from "./sgd.js";
export { StepLR, type StepLROptions } from "./step-lr.js";
