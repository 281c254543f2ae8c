// The contract between the playground engine (worker side, src/engine/) and the UI. playground-engine
// owns it; any change is announced to the UI side. The UI imports only these types and
// the pure helpers named at the bottom from src/engine/.

export type DatasetName = "moons" | "circles" | "xor" | "spiral";
export type OptimizerName = "sgd" | "momentum" | "adam";
export type InitName =
  | "default"
  | "xavierUniform"
  | "xavierNormal"
  | "kaimingUniform"
  | "kaimingNormal"
  | "lecunNormal";

export interface PlaygroundConfig {
  dataset: DatasetName;
  noise: number; // 0 … 0.5
  samples: number; // total points, e.g. 400
  trainFraction: number; // 0.1 … 0.9
  seed: number; // data AND weight init seed (compare mode shares it)
  depth: number; // hidden layers, 1 … 50
  width: number; // units per hidden layer, 1 … 64
  activation: string; // any name of @fluxion/activations' list
  activationOptions: Record<string, number>; // that activation's options (defaults from its metadata)
  init: InitName;
  optimizer: OptimizerName;
  lr: number;
  batchSize: number;
}

export interface Point {
  x: number;
  y: number;
  label: 0 | 1;
}

/** Sent a few times per second while playing, and after each step/reset. */
export interface Snapshot {
  step: number;
  epoch: number;
  history: {
    step: number;
    trainLoss: number;
    testLoss: number;
    trainAcc: number;
    testAcc: number;
  }[]; // new entries since the last snapshot
  gradNorms: number[]; // per Linear layer (weights), L2 norm of the gradient, at the last step
  deadFraction: number[]; // per hidden layer: fraction of units whose activation output (or derivative) is 0 on the whole train set
  boundary: {
    resolution: number;
    xMin: number;
    xMax: number;
    yMin: number;
    yMax: number;
    probs: Float32Array;
  }; // P(label 1) on a grid, row-major
  inspect: {
    layer: number;
    histogram: { edges: number[]; counts: number[] };
    curve: { x: number[]; f: number[]; df: number[] };
  };
  diverged: boolean; // a non-finite loss stops playing
}

export type ToWorker =
  | { type: "reset"; config: PlaygroundConfig } // (re)build data + model
  | { type: "play" }
  | { type: "pause" }
  | { type: "step"; steps: number }
  | { type: "inspect"; layer: number }; // which hidden layer the histogram/curve view shows

export type FromWorker =
  | { type: "data"; train: Point[]; test: Point[] } // after each reset
  | { type: "snapshot"; snapshot: Snapshot }
  | { type: "error"; message: string };

// Pure helpers exported from src/engine/ (usable on the main thread, tested in Node):
//   encodeConfig(config): string  /  decodeConfig(search: string): { config: PlaygroundConfig; errors: string[] }  (URL query)
//   defaultConfig: PlaygroundConfig;  presets: { id: string; title: string; claim: string; config: PlaygroundConfig; compare?: PlaygroundConfig }[]
//   activationChoices(): { name: string; options: { name: string; default: number; min?: number; max?: number }[] }[]
