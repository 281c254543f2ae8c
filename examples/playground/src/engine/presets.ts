import { getActivation } from "@fluxion/activations";
import { defaultActivationOptions } from "./activation-choices.js";
import { defaultConfig } from "./config.js";
import type { PlaygroundConfig, Preset } from "./protocol.js";

/** A configuration from the defaults, with the activation's default options. */
function configWith(changes: Partial<PlaygroundConfig> & { activation: string }): PlaygroundConfig {
  return {
    ...defaultConfig,
    activationOptions: defaultActivationOptions(changes.activation),
    ...changes,
  };
}

/** The lecture's remark on an activation (its metadata, quoted as the lecture states it). */
function remark(name: string): string {
  return getActivation(name)?.remark ?? "";
}

/**
 * One preset per lecture claim: the claim as the lecture states it (from the activations'
 * metadata), what to look at, and the configuration(s) that show it. Presets with `compare` train
 * both side by side on the same data and seed.
 *
 * @example
 * const preset = presets.find((p) => p.id === "sigmoid-depth-10");
 */
export const presets: readonly Preset[] = [
  {
    id: "sigmoid-depth-10",
    title: "Sigmoid at depth 10",
    claim: remark("sigmoid"),
    look: "Gradient norms: the first layers' are orders of magnitude below the last layer's (log scale), and the loss barely moves.",
    config: configWith({
      activation: "sigmoid",
      depth: 10,
      width: 8,
      optimizer: "momentum",
      lr: 0.05,
    }),
  },
  {
    id: "relu-high-lr",
    title: "ReLU with a high learning rate",
    claim: remark("relu"),
    look: "Dead units: with plain SGD at a high learning rate many ReLU units never fire again; Leaky ReLU (right) keeps them alive.",
    config: configWith({
      activation: "relu",
      depth: 4,
      width: 16,
      optimizer: "sgd",
      lr: 1.5,
      batchSize: 8,
    }),
    compare: configWith({
      activation: "leakyRelu",
      depth: 4,
      width: 16,
      optimizer: "sgd",
      lr: 1.5,
      batchSize: 8,
    }),
  },
  {
    id: "swish-vs-relu-depth-40",
    title: "Swish vs ReLU at depth 40",
    claim: remark("swish"),
    look: "Loss curves and gradient norms of Swish (left) and ReLU (right) at 40 layers, on the same data and seed. (Fluxion's MNIST run in docs/claims did not confirm the claim: judge for yourself.)",
    config: configWith({ activation: "swish", depth: 40, width: 8, lr: 0.003 }),
    compare: configWith({ activation: "relu", depth: 40, width: 8, lr: 0.003 }),
  },
  {
    id: "selu-depth-50",
    title: "SELU at depth 50",
    claim: remark("selu"),
    look: "Inspect a deep layer: SELU's pre-activations stay spread around 0 with unit scale at layer 50 (LeCun-normal init), while ReLU's (right, same init) shrink towards 0.",
    config: configWith({
      activation: "selu",
      depth: 50,
      width: 16,
      init: "lecunNormal",
      lr: 0.003,
    }),
    compare: configWith({
      activation: "relu",
      depth: 50,
      width: 16,
      init: "lecunNormal",
      lr: 0.003,
    }),
  },
  {
    id: "tanh-vs-sigmoid",
    title: "tanh vs sigmoid",
    claim: remark("tanh"),
    look: "At 6 layers, tanh (left) keeps larger first-layer gradients than sigmoid (right) and learns faster.",
    config: configWith({ activation: "tanh", depth: 6, width: 8, optimizer: "momentum", lr: 0.05 }),
    compare: configWith({
      activation: "sigmoid",
      depth: 6,
      width: 8,
      optimizer: "momentum",
      lr: 0.05,
    }),
  },
  {
    id: "gelu-vs-relu",
    title: "GELU vs ReLU",
    claim: remark("gelu"),
    look: "The activation curve and f': GELU weights inputs by their value (smooth, slightly negative for x < 0), ReLU thresholds them by sign.",
    config: configWith({ activation: "gelu", dataset: "spiral", depth: 4, width: 16, lr: 0.01 }),
    compare: configWith({ activation: "relu", dataset: "spiral", depth: 4, width: 16, lr: 0.01 }),
  },
  {
    id: "mish-vs-swish",
    title: "Mish vs Swish",
    claim: remark("mish"),
    look: "Loss and accuracy of Mish (left) and Swish (right) on the spiral, same data and seed.",
    config: configWith({ activation: "mish", dataset: "spiral", depth: 6, width: 16, lr: 0.01 }),
    compare: configWith({ activation: "swish", dataset: "spiral", depth: 6, width: 16, lr: 0.01 }),
  },
];
