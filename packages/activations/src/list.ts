// The list of activations: one line each. The package exports everything listed here; the
// Tensor methods, the metadata registry, the test specs, the docs and nn's layers derive from it.
export * from "./binaryStep.js";
export * from "./elu.js";
export * from "./gelu.js";
export * from "./hardtanh.js";
export * from "./leakyRelu.js";
export * from "./linear.js";
export * from "./lisht.js";
export * from "./logSoftmax.js";
export * from "./mish.js";
export * from "./prelu.js";
export * from "./relu.js";
export * from "./selu.js";
export * from "./sigmoid.js";
export * from "./silu.js";
export * from "./softmax.js";
export * from "./softplus.js";
export * from "./softsign.js";
export * from "./squareplus.js";
export * from "./swish.js";
export * from "./tanh.js";
