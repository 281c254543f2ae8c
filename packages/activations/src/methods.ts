import { Tensor, type TensorLike } from "@fluxion/core";
import { type BinaryStepOptions, binaryStep } from "./binaryStep.js";
import { type EluOptions, elu } from "./elu.js";
import { type GeluOptions, gelu } from "./gelu.js";
import { type LeakyReluOptions, leakyRelu } from "./leakyRelu.js";
import { lisht } from "./lisht.js";
import { type LogSoftmaxOptions, logSoftmax } from "./logSoftmax.js";
import { mish } from "./mish.js";
import { prelu } from "./prelu.js";
import { relu } from "./relu.js";
import { selu } from "./selu.js";
import { sigmoid } from "./sigmoid.js";
import { silu } from "./silu.js";
import { type SoftmaxOptions, softmax } from "./softmax.js";
import { type SoftplusOptions, softplus } from "./softplus.js";
import { type SwishOptions, swish } from "./swish.js";
import { tanh } from "./tanh.js";

// Chained forms (`x.relu()`), as ACTIVATIONS.md asks: core cannot import this package, so importing
// @fluxion/activations adds them to core's Tensor (the same functions; see each for its TSDoc).
declare module "@fluxion/core" {
  interface Tensor {
    binaryStep(options?: BinaryStepOptions): Tensor;
    sigmoid(): Tensor;
    tanh(): Tensor;
    relu(): Tensor;
    leakyRelu(options?: LeakyReluOptions): Tensor;
    prelu(slope: TensorLike): Tensor;
    elu(options?: EluOptions): Tensor;
    selu(): Tensor;
    gelu(options?: GeluOptions): Tensor;
    swish(options?: SwishOptions): Tensor;
    silu(): Tensor;
    lisht(): Tensor;
    mish(): Tensor;
    softplus(options?: SoftplusOptions): Tensor;
    softmax(options?: SoftmaxOptions): Tensor;
    logSoftmax(options?: LogSoftmaxOptions): Tensor;
  }
}

type ActivationMethod =
  | "binaryStep"
  | "sigmoid"
  | "tanh"
  | "relu"
  | "leakyRelu"
  | "prelu"
  | "elu"
  | "selu"
  | "gelu"
  | "swish"
  | "silu"
  | "lisht"
  | "mish"
  | "softplus"
  | "softmax"
  | "logSoftmax";

const methods = {
  binaryStep(options?: BinaryStepOptions) {
    return binaryStep(this, options);
  },
  sigmoid() {
    return sigmoid(this);
  },
  tanh() {
    return tanh(this);
  },
  relu() {
    return relu(this);
  },
  leakyRelu(options?: LeakyReluOptions) {
    return leakyRelu(this, options);
  },
  prelu(slope: TensorLike) {
    return prelu(this, slope);
  },
  elu(options?: EluOptions) {
    return elu(this, options);
  },
  selu() {
    return selu(this);
  },
  gelu(options?: GeluOptions) {
    return gelu(this, options);
  },
  swish(options?: SwishOptions) {
    return swish(this, options);
  },
  silu() {
    return silu(this);
  },
  lisht() {
    return lisht(this);
  },
  mish() {
    return mish(this);
  },
  softplus(options?: SoftplusOptions) {
    return softplus(this, options);
  },
  softmax(options?: SoftmaxOptions) {
    return softmax(this, options);
  },
  logSoftmax(options?: LogSoftmaxOptions) {
    return logSoftmax(this, options);
  },
} satisfies { [K in ActivationMethod]: (this: Tensor, ...args: never[]) => Tensor };

for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(Tensor.prototype, name, { value: fn, writable: true, configurable: true });
}
