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
  activation: string; // any name of activationChoices() (from @fluxion/activations' list)
  activationOptions: Record<string, OptionValue>; // that activation's options (defaults from its metadata)
  init: InitName;
  optimizer: OptimizerName;
  lr: number;
  batchSize: number;
}

/** An activation option's value: numbers, and booleans or strings for gelu/binaryStep-like options. */
export type OptionValue = number | string | boolean;

/** One option of an activation, as a form shows it (from the activation's own option declarations). */
export type ActivationOptionChoice =
  | { name: string; kind: "number"; default: number; positive: boolean; description: string }
  | { name: string; kind: "boolean"; default: boolean; description: string }
  | { name: string; kind: "choice"; default: string; choices: string[]; description: string };

/** An activation the playground offers, from @fluxion/activations' list metadata. */
export interface ActivationChoice {
  name: string;
  formula: string;
  /** The lecture's remark on it ("" if none). */
  remark: string;
  options: ActivationOptionChoice[];
  /** Learnable parameters trained with the weights (prelu: ["slope"], initialised to 0.25). */
  learnable: string[];
}

export interface Point {
  x: number;
  y: number;
  label: 0 | 1;
}

/** One evaluation on the whole train and test sets (loss: mean binary cross-entropy). */
export interface HistoryEntry {
  step: number;
  trainLoss: number;
  testLoss: number;
  trainAcc: number;
  testAcc: number;
}

/** Sent a few times per second while playing, and after each step/reset/pause/inspect. */
export interface Snapshot {
  step: number;
  epoch: number;
  /** New entries since the last snapshot (one evaluation per snapshot, at its step). */
  history: HistoryEntry[];
  /**
   * Per Linear layer (depth + 1 entries, the output layer last): L2 norm of the weight gradient at
   * the last step; [] before the first step.
   */
  gradNorms: number[];
  /**
   * Per hidden layer: fraction of units that pass no gradient on the whole train set (|f'(z)| < 1e-8
   * for every example; for softmax-like activations of a whole layer: output < 1e-8).
   */
  deadFraction: number[];
  /**
   * P(label 1) at the centres of a resolution × resolution grid, row-major: row r is at
   * y = yMin + (r + ½)·(yMax − yMin)/resolution (row 0 at the BOTTOM, y near yMin; a canvas draws
   * it flipped), column c at x = xMin + (c + ½)·(xMax − xMin)/resolution. The extent is fixed
   * for a reset (the data's bounding box with a margin).
   */
  boundary: {
    resolution: number;
    xMin: number;
    xMax: number;
    yMin: number;
    yMax: number;
    probs: Float32Array;
  };
  /**
   * The inspected hidden layer (0-based): the histogram of its pre-activations on the train set
   * (edges.length = counts.length + 1), and its activation f and f' (by Fluxion's autodiff; prelu
   * with that layer's learned slope) over x, which covers the histogram's range.
   */
  inspect: {
    layer: number;
    histogram: { edges: number[]; counts: number[] };
    curve: { x: number[]; f: number[]; df: number[] };
  };
  /** A non-finite loss was met: training stops (reset to go on). */
  diverged: boolean;
}

export type ToWorker =
  | { type: "reset"; config: PlaygroundConfig } // (re)build data + model; stops playing
  | { type: "play" }
  | { type: "pause" }
  | { type: "step"; steps: number }
  | { type: "inspect"; layer: number }; // which hidden layer the histogram/curve view shows

export type FromWorker =
  | { type: "data"; train: Point[]; test: Point[]; backend: string } // after each reset; backend: "wasm" or "cpu"
  | { type: "snapshot"; snapshot: Snapshot }
  | { type: "error"; message: string };

/** A lecture claim, reproduced by one configuration (or two side by side: compare mode). */
export interface Preset {
  id: string;
  title: string;
  /** The claim as the lecture states it. */
  claim: string;
  /** What to look at in the views to see it. */
  look: string;
  config: PlaygroundConfig;
  compare?: PlaygroundConfig;
}

// Pure helpers exported from src/engine/ (usable on the main thread, tested in Node):
//   encodeConfig(config, prefix?): string / decodeConfig(search, prefix?): { config; errors: string[] } (URL query)
//     (prefix, e.g. "b.", namespaces a second configuration for compare mode in the same query)
//   defaultConfig: PlaygroundConfig; presets: Preset[]
//   activationChoices(): ActivationChoice[]
