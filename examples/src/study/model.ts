import type { Generator } from "@fluxion/core";
import {
  BinaryStep,
  ELU,
  GELU,
  LeakyReLU,
  Linear,
  LiSHT,
  Mish,
  type Module,
  PReLU,
  ReLU,
  SELU,
  Sequential,
  Sigmoid,
  Swish,
  Tanh,
} from "@fluxion/nn";

/** The activations the study compares: the lecture's, plus binaryStep to show it cannot learn. */
export const studyActivations = [
  "sigmoid",
  "tanh",
  "relu",
  "leakyRelu",
  "prelu",
  "elu",
  "selu",
  "gelu",
  "swish",
  "lisht",
  "mish",
  "binaryStep",
] as const;
export type StudyActivation = (typeof studyActivations)[number];

const layers: Record<StudyActivation, () => Module> = {
  sigmoid: () => new Sigmoid(),
  tanh: () => new Tanh(),
  relu: () => new ReLU(),
  leakyRelu: () => new LeakyReLU(),
  prelu: () => new PReLU(),
  elu: () => new ELU(),
  selu: () => new SELU(),
  gelu: () => new GELU(),
  swish: () => new Swish(),
  lisht: () => new LiSHT(),
  mish: () => new Mish(),
  binaryStep: () => new BinaryStep(),
};

/** A new activation layer by name. */
export function activationLayer(name: StudyActivation): Module {
  return layers[name]();
}

/** Shape of the multilayer perceptron every activation is trained in. */
export interface MlpShape {
  inputs: number;
  outputs: number;
  /** Number of hidden layers, each followed by the activation. */
  depth: number;
  width: number;
}

/**
 * An MLP: `depth` hidden Linear layers of `width` units, each followed by the activation, then a
 * Linear output layer (logits). PyTorch's default initialisation, drawn from `generator`.
 *
 * @example
 * const net = mlp("relu", { inputs: 2, outputs: 1, depth: 3, width: 16 }, new Generator(0));
 */
export function mlp(
  activation: StudyActivation,
  shape: MlpShape,
  generator: Generator,
): Sequential {
  const modules: Module[] = [];
  let fanIn = shape.inputs;
  for (let i = 0; i < shape.depth; i++) {
    modules.push(new Linear(fanIn, shape.width, { generator }), activationLayer(activation));
    fanIn = shape.width;
  }
  modules.push(new Linear(fanIn, shape.outputs, { generator }));
  return new Sequential(...modules);
}

/** The hidden Linear layers of an `mlp`, first to last, followed by the output layer. */
export function linearLayers(net: Sequential): Linear[] {
  return [...net.children()].filter((m): m is Linear => m instanceof Linear);
}

/** The activation layers of an `mlp`, first to last. */
export function activationLayers(net: Sequential): Module[] {
  return [...net.children()].filter((m) => !(m instanceof Linear));
}
