/**
 * @fluxion/nn: modules and layers, initialisers (`init`), losses, optimisers and learning-rate
 * schedulers, a DataLoader, and safetensors serialisation (bytes here; files in
 * `@fluxion/nn/node`). Names and semantics follow PyTorch's, in camelCase.
 */
// nn's types load @fluxion/activations' Tensor methods (x.relu()), so this entry loads the module
// that installs them: a bundle importing only nn then has every method its types promise.
import "@fluxion/activations";

export * from "./data/index.js";
export * as init from "./init/index.js";
export * from "./layers/index.js";
export * from "./losses/index.js";
export * from "./module/index.js";
export * from "./optim/index.js";
export * from "./serialization/index.js";
