import type { StudyActivation } from "../study/model.js";

/** Everything that sizes the claims run; `fullConfig` and `quickConfig` are the two presets. */
export interface ClaimsConfig {
  /** Seeds 0 … seeds − 1: each seeds the split, the initial weights and the batch order. */
  seeds: number;
  /** Digits per class taken from the 10,000 (undefined: all, about 1,000 per class). */
  perClass: number | undefined;
  /** Fraction of each class held out. */
  testFraction: number;
  batchSize: number;
  vanishing: {
    activations: StudyActivation[];
    depths: number[];
    width: number;
    /** Training digits the gradient norms are measured on. */
    probe: number;
    lr: number;
  };
  dying: {
    activations: StudyActivation[];
    settings: { optimizer: "sgd" | "adam"; lr: number }[];
    depth: number;
    width: number;
    epochs: number;
  };
  depth: {
    activations: StudyActivation[];
    depths: number[];
    width: number;
    epochs: number;
    lr: number;
  };
  selu: { activations: StudyActivation[]; layers: number; width: number; probe: number };
  softmax: { temperatures: number[]; epochs: number };
}

/** The run whose results are committed under docs/claims (`pnpm claims`). */
export const fullConfig: ClaimsConfig = {
  seeds: 5,
  perClass: undefined,
  testFraction: 0.2,
  batchSize: 128,
  vanishing: {
    activations: ["sigmoid", "tanh", "relu", "gelu", "swish"],
    depths: [10, 20],
    width: 64,
    probe: 1000,
    lr: 1e-3,
  },
  dying: {
    activations: ["relu", "leakyRelu", "prelu", "elu"],
    settings: [
      { optimizer: "sgd", lr: 0.01 },
      { optimizer: "sgd", lr: 0.1 },
      { optimizer: "sgd", lr: 0.5 },
      { optimizer: "adam", lr: 1e-3 },
      { optimizer: "adam", lr: 1e-2 },
      { optimizer: "adam", lr: 3e-2 },
    ],
    depth: 4,
    width: 64,
    epochs: 2,
  },
  depth: {
    activations: ["relu", "swish", "gelu", "mish", "selu"],
    depths: [10, 20, 30, 40, 50],
    width: 64,
    epochs: 2,
    lr: 1e-3,
  },
  selu: { activations: ["selu", "tanh", "relu", "gelu"], layers: 50, width: 256, probe: 1000 },
  softmax: { temperatures: [10, 3, 1, 0.3, 0.1, 0.03, 0.01], epochs: 1 },
};

/** A few seconds: every experiment and every code path, on little data (`pnpm claims --quick`). */
export const quickConfig: ClaimsConfig = {
  seeds: 2,
  perClass: 20,
  testFraction: 0.25,
  batchSize: 32,
  vanishing: { activations: ["sigmoid", "relu"], depths: [4, 6], width: 16, probe: 60, lr: 1e-3 },
  dying: {
    activations: ["relu", "leakyRelu"],
    settings: [
      { optimizer: "sgd", lr: 0.1 },
      { optimizer: "adam", lr: 1e-2 },
    ],
    depth: 2,
    width: 16,
    epochs: 1,
  },
  depth: { activations: ["relu", "swish"], depths: [2, 4], width: 16, epochs: 1, lr: 1e-3 },
  selu: { activations: ["selu", "relu"], layers: 6, width: 32, probe: 60 },
  softmax: { temperatures: [1, 0.1, 0.01], epochs: 1 },
};
