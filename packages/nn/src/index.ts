/**
 * @fluxion/nn: modules and layers, initialisers (`init`), losses, optimisers and learning-rate
 * schedulers, a DataLoader, and safetensors serialisation (bytes here; files in
 * `@fluxion/nn/node`). Names and semantics follow PyTorch's, in camelCase.
 *
 * @module @fluxion/nn
 */
// Tensors reaching users through nn (a layer's output) have the activation methods (`x.relu()`):
// importing @fluxion/activations installs them, and its types declare them. Listed in `sideEffects`.
import "@fluxion/activations";

export * from "./clip/index.js";
export * from "./data/index.js";
export * as init from "./init/index.js";
export * from "./layers/index.js";
export * from "./losses/index.js";
export * from "./module/index.js";
export * from "./optim/index.js";
export * from "./serialization/index.js";
