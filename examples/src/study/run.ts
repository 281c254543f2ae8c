import { Generator, linspace, noGrad, type Tensor, tensor } from "@fluxion/core";
import {
  type Dataset,
  iris,
  spiral,
  standardize,
  trainTestSplit,
  twoMoons,
} from "../data/index.js";
import type { GridPoint, LabelledPoint } from "../plots/index.js";
import { deadUnitFractions, weightGradNorms } from "./measure.js";
import { mlp, type StudyActivation } from "./model.js";
import { accuracy, lossOf, type Task, trainModel } from "./train.js";

export const studyDatasets = ["iris", "moons", "spiral"] as const;
export type StudyDataset = (typeof studyDatasets)[number];

interface DatasetSetup {
  task: Task;
  train: Dataset;
  test: Dataset;
  epochs: number;
  batchSize: number;
}

/** Each data set with its task and training schedule; features standardised on the training part. */
export function loadDataset(name: StudyDataset, seed: number): DatasetSetup {
  if (name === "iris") {
    const split = trainTestSplit(iris(), 0.3, seed);
    const { train, test } = standardize(split.train, split.test);
    return { task: "multiclass", train, test, epochs: 60, batchSize: 16 };
  }
  const data =
    name === "moons"
      ? twoMoons(600, { noise: 0.2, seed })
      : spiral(300, { classes: 2, noise: 0.15, seed });
  const { train, test } = trainTestSplit(data, 0.3, seed);
  return { task: "binary", train, test, epochs: name === "moons" ? 40 : 80, batchSize: 32 };
}

export interface StudyOptions {
  datasets: readonly StudyDataset[];
  activations: readonly StudyActivation[];
  /** Hidden layers (default 3). */
  depth: number;
  /** Units per hidden layer (default 32). */
  width: number;
  seed: number;
  /** Held-out accuracy that counts as reached (default 0.9). */
  target: number;
  optimizer: "sgd" | "adam";
  lr: number;
  /** Scale every data set's number of epochs (e.g. 0.1 for a quick run). */
  epochScale: number;
  /** Called after every epoch of every run, for progress display. */
  onEpoch?: (
    dataset: StudyDataset,
    activation: StudyActivation,
    epoch: number,
    epochs: number,
  ) => void;
}

export interface RunResult {
  dataset: StudyDataset;
  activation: StudyActivation;
  /** Mean training loss of each epoch. */
  losses: number[];
  /** Held-out accuracy after the last epoch. */
  testAccuracy: number;
  /** First epoch (1-based) whose held-out accuracy reached the target, or null. */
  epochsToTarget: number | null;
  /** Per hidden layer, the fraction of units that pass no gradient on the training set, after training. */
  deadFractions: number[];
  /** ‖∂loss/∂W‖ of every Linear layer at initialisation, first to last. */
  initialGradNorms: number[];
  /** ‖∂loss/∂W₁‖ / ‖∂loss/∂W_last‖ at initialisation: far below 1 means vanishing gradients. */
  gradRatio: number;
  /** For two-dimensional data: P(class 1) on a grid over the data, for decision-boundary plots. */
  grid?: { points: GridPoint[]; step: number; data: LabelledPoint[] };
}

/** Every (data set, activation) pair trained with the same network shape, seed and schedule. */
export function runStudy(options: StudyOptions): RunResult[] {
  const results: RunResult[] = [];
  for (const name of options.datasets) {
    const setup = loadDataset(name, options.seed);
    const epochs = Math.max(1, Math.round(setup.epochs * options.epochScale));
    const outputs = setup.task === "binary" ? 1 : setup.train.classes.length;
    for (const activation of options.activations) {
      const generator = new Generator(options.seed);
      const net = mlp(
        activation,
        {
          inputs: setup.train.x.shape[1] as number,
          outputs,
          depth: options.depth,
          width: options.width,
        },
        generator,
      );
      const { train, test, task } = setup;
      const initialGradNorms = weightGradNorms(net, (m) =>
        lossOf(task, m.call(train.x) as Tensor, train.y),
      );
      const { losses, testAccuracies } = trainModel(net, train, test, {
        task,
        epochs,
        batchSize: setup.batchSize,
        optimizer: options.optimizer,
        lr: options.lr,
        generator,
        onEpoch: (epoch) => options.onEpoch?.(name, activation, epoch, epochs),
      });
      const reached = testAccuracies.findIndex((a) => a >= options.target);
      results.push({
        dataset: name,
        activation,
        losses,
        testAccuracy: accuracy(task, net, test),
        epochsToTarget: reached >= 0 ? reached + 1 : null,
        deadFractions: deadUnitFractions(net, train.x),
        initialGradNorms,
        gradRatio:
          (initialGradNorms[0] as number) /
          (initialGradNorms[initialGradNorms.length - 1] as number),
        ...(task === "binary" && train.x.shape[1] === 2
          ? { grid: probabilityGrid(net, train.x, test) }
          : {}),
      });
    }
  }
  return results;
}

/** P(class 1) of a one-logit model on a 40 × 40 grid covering `x` (two features), with `shown` on top. */
function probabilityGrid(
  net: ReturnType<typeof mlp>,
  x: Tensor,
  shown: Dataset,
): NonNullable<RunResult["grid"]> {
  const lo = x.min(0).data();
  const hi = x.max(0).data();
  const n = 40;
  const pad = 0.25;
  const x1 = linspace((lo[0] as number) - pad, (hi[0] as number) + pad, n).data();
  const x2 = linspace((lo[1] as number) - pad, (hi[1] as number) + pad, n).data();
  const coords: [number, number][] = [];
  for (const a of x1) for (const b of x2) coords.push([a, b]);
  const logits = noGrad(() => (net.call(tensor(coords)) as Tensor).squeeze(-1).data());
  const points = coords.map(([a, b], i) => ({
    x1: a,
    x2: b,
    p: 1 / (1 + Math.exp(-(logits[i] as number))),
  }));
  const xs = shown.x.data();
  const ys = shown.y.data();
  const data = Array.from(ys, (label, i) => ({
    x1: xs[2 * i] as number,
    x2: xs[2 * i + 1] as number,
    label: shown.classes[label] as string,
  }));
  return { points, step: ((x1[1] as number) - (x1[0] as number)) * 1.0001, data };
}
