/**
 * @fluxion/activations: every activation function of the lecture as an exact, differentiable op in
 * @fluxion/core's registry, with fused kernels for the common ones and readable metadata.
 *
 * @module @fluxion/activations
 */
import "./methods.js";

export { type ArgmaxOptions, argmax } from "./argmax.js";
export { type BinaryStepOptions, binaryStep } from "./binaryStep.js";
export { type EluOptions, elu } from "./elu.js";
export { GELU_SIGMOID_BETA, type GeluApproximation, type GeluOptions, gelu } from "./gelu.js";
export type { ActivationInfo, ActivationParameter } from "./info.js";
export { type LeakyReluOptions, leakyRelu } from "./leakyRelu.js";
export { type LinearOptions, linear } from "./linear.js";
export { lisht } from "./lisht.js";
export { type LogSoftmaxOptions, logSoftmax } from "./logSoftmax.js";
export { mish } from "./mish.js";
export { prelu } from "./prelu.js";
export { activations, getActivation } from "./registry.js";
export { relu } from "./relu.js";
export { SELU_ALPHA, SELU_SCALE, selu } from "./selu.js";
export { sigmoid } from "./sigmoid.js";
export { silu } from "./silu.js";
export { type SoftmaxOptions, softmax } from "./softmax.js";
export { type SoftplusOptions, softplus } from "./softplus.js";
export { type SwishOptions, swish } from "./swish.js";
export { tanh } from "./tanh.js";
export {
  type ActivationCase,
  type ActivationSpec,
  activationSpecs,
  drawCase,
  type InputDomain,
} from "./testing.js";

import { markBuiltinOps } from "@fluxion/core";

// Every activation module above has run: their ops are built in (defineOp will not redefine them).
markBuiltinOps();
