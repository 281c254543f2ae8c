import type { OnnxLowering } from "../types.js";
import { activationLowerings } from "./activations.js";
import { coreLowerings } from "./core.js";
import { mathLowerings } from "./math.js";
import { reductionLowerings } from "./reductions.js";
import { shapeLowerings } from "./shape.js";

/** Every built-in lowering, by op name. */
export const builtinLowerings: ReadonlyMap<string, OnnxLowering<unknown>> = new Map(
  Object.entries({
    ...coreLowerings,
    ...mathLowerings,
    ...activationLowerings,
    ...shapeLowerings,
    ...reductionLowerings,
  }),
);
