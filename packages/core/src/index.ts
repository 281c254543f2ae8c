/**
 * @fluxion/core: tensors, broadcasting ops, define-by-run reverse-mode autodiff (with gradients of
 * gradients), a pluggable backend, and a public gradient checker.
 *
 * @module @fluxion/core
 */
// Installs Tensor's methods (x.add(y), loss.backward()); listed in package.json `sideEffects`.
import "./tensor-methods.js";

export { detectAnomaly, isAnomalyEnabled, setDetectAnomaly } from "./autodiff/anomaly.js";
export type { BackwardOptions } from "./autodiff/engine.js";
export {
  type GradientsOptions,
  type GradOptions,
  grad,
  gradients,
  valueAndGrad,
  vjp,
} from "./autodiff/functional.js";
export { enableGrad, isGradEnabled, noGrad } from "./autodiff/grad-mode.js";
export type {
  ActivationKernel,
  Backend,
  BinaryKernel,
  ReduceKernel,
  ScanKernel,
  SliceSpec,
  UnaryKernel,
} from "./backend/index.js";
export {
  activationKernelNames,
  activationKernelParams,
  binaryKernelNames,
  getBackend,
  getNumThreads,
  listBackends,
  reduceKernelNames,
  registerBackend,
  scanKernelNames,
  setBackend,
  setNumThreads,
  unaryKernelNames,
} from "./backend/index.js";
export { type DType, getDefaultDType, isFloat, setDefaultDType, type TypedArray } from "./dtype.js";
export {
  AnomalyError,
  ArgumentError,
  DTypeError,
  FluxionError,
  GradcheckError,
  GraphError,
  IndexError,
  ShapeError,
} from "./errors.js";
export * from "./gradcheck/index.js";
export * from "./ops/index.js";
export { optionsObject } from "./options.js";
export { defaultGenerator, Generator, manualSeed } from "./random/generator.js";
export { broadcastShapes, formatShape, type Shape } from "./shape.js";
export {
  arange,
  type CreateOptions,
  eye,
  full,
  fullLike,
  linspace,
  ones,
  onesLike,
  type RandomOptions,
  rand,
  randint,
  randn,
  tensor,
  zeros,
  zerosLike,
} from "./tensor/create.js";
export type { NestedArray } from "./tensor/nested.js";
export { type GradHook, Tensor, type TensorLike } from "./tensor/tensor.js";
export type { TensorMethods } from "./tensor-methods.js";
export * from "./transforms/index.js";

import { markBuiltinOps } from "./registry.js";

// Every op module above has run: the ops registered so far are Fluxion's own.
markBuiltinOps();
