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
export { Dropout, type DropoutOptions } from "./dropout.js";
export { Flatten } from "./flatten.js";
export { Identity } from "./identity.js";
export { Linear, type LinearOptions } from "./linear.js";
export { Sequential } from "./sequential.js";
