// What the page imports from the engine: the protocol's types and the pure helpers (no training
// code runs on the main thread; the Trainer lives in the worker, worker.ts).
export { activationChoices, defaultActivationOptions } from "./activation-choices.js";
export {
  configErrors,
  datasetNames,
  defaultConfig,
  describeLimit,
  initNames,
  limits,
  type NumberLimit,
  optimizerNames,
} from "./config.js";
export { presets } from "./presets.js";
export type * from "./protocol.js";
export { decodeConfig, encodeConfig, queryKeys } from "./url.js";
