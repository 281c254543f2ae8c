import { argmaxInfo } from "./argmax.js";
import { binaryStepInfo } from "./binaryStep.js";
import { eluInfo } from "./elu.js";
import { geluInfo } from "./gelu.js";
import type { ActivationInfo } from "./info.js";
import { leakyReluInfo } from "./leakyRelu.js";
import { linearInfo } from "./linear.js";
import { lishtInfo } from "./lisht.js";
import { logSoftmaxInfo } from "./logSoftmax.js";
import { mishInfo } from "./mish.js";
import { preluInfo } from "./prelu.js";
import { reluInfo } from "./relu.js";
import { seluInfo } from "./selu.js";
import { sigmoidInfo } from "./sigmoid.js";
import { siluInfo } from "./silu.js";
import { softmaxInfo } from "./softmax.js";
import { softplusInfo } from "./softplus.js";
import { swishInfo } from "./swish.js";
import { tanhInfo } from "./tanh.js";

/**
 * Every activation with its metadata, in the order of ACTIVATIONS.md. Docs and plots iterate this;
 * adding an activation means one file exporting its function and info, and one line here.
 *
 * @example
 * for (const a of activations) console.log(a.name, a.range, a.monotonic);
 */
export const activations: readonly ActivationInfo[] = [
  binaryStepInfo,
  linearInfo,
  sigmoidInfo,
  tanhInfo,
  reluInfo,
  leakyReluInfo,
  preluInfo,
  eluInfo,
  seluInfo,
  geluInfo,
  swishInfo,
  siluInfo,
  lishtInfo,
  mishInfo,
  softplusInfo,
  softmaxInfo,
  logSoftmaxInfo,
  argmaxInfo,
];

/**
 * The metadata of the activation named `name`, or undefined.
 *
 * @example
 * getActivation("gelu")?.formula;
 */
export function getActivation(name: string): ActivationInfo | undefined {
  return activations.find((a) => a.name === name);
}
