export {
  BinaryStep,
  ELU,
  GELU,
  LeakyReLU,
  LiSHT,
  LogSoftmax,
  Mish,
  PReLU,
  ReLU,
  SELU,
  Sigmoid,
  SiLU,
  Softmax,
  Softplus,
  Swish,
  type SwishLayerOptions,
  Tanh,
} from "./activations.js";
export { BatchNorm, BatchNorm1d, BatchNorm2d, type BatchNormOptions } from "./batch-norm.js";
export { Dropout, type DropoutOptions } from "./dropout.js";
export { Embedding, type EmbeddingOptions, type FromPretrainedOptions } from "./embedding.js";
export { Flatten } from "./flatten.js";
export { Identity } from "./identity.js";
export { LayerNorm, type LayerNormOptions } from "./layer-norm.js";
export { Linear, type LinearOptions } from "./linear.js";
export { RMSNorm, type RMSNormOptions } from "./rms-norm.js";
export { Sequential } from "./sequential.js";
