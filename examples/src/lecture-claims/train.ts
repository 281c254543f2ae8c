import { type Generator, noGrad, type Tensor } from "@fluxion/core";
import { Adam, crossEntropy, type Module, type Sequential, SGD } from "@fluxion/nn";
import type { Dataset } from "../data/index.js";
import { mnistLoader, mnistSplit } from "../data/index.js";
import type { ClaimsConfig } from "./config.js";

/** Training and held-out digits of one seed, pixels standardised by the training part's mean/std. */
export interface Split {
  train: Dataset;
  test: Dataset;
}

const splits = new Map<string, Split>();

/**
 * The seeded, stratified MNIST split of `config` (memoised per process: a worker reuses it across
 * the tasks of a seed). Pixels are standardised with one mean and one deviation, from the
 * training part only.
 *
 * @example
 * const { train, test } = loadSplit(fullConfig, 0);
 */
export function loadSplit(config: ClaimsConfig, seed: number): Split {
  const key = `${seed}/${config.perClass}/${config.testFraction}`;
  const hit = splits.get(key);
  if (hit) return hit;
  const raw = mnistSplit({
    seed,
    testFraction: config.testFraction,
    ...(config.perClass === undefined ? {} : { perClass: config.perClass }),
  });
  const mean = raw.train.x.mean().item();
  const std = raw.train.x.std(undefined, { correction: 0 }).item();
  const scale = (d: Dataset): Dataset => ({ ...d, x: d.x.sub(mean).div(std) });
  const split = { train: scale(raw.train), test: scale(raw.test) };
  // NOTE: a few seeds' splits (about 60 MB each) stay in memory: tasks come ordered by cost, not seed
  if (splits.size >= 5) splits.delete(splits.keys().next().value as string);
  splits.set(key, split);
  return split;
}

/**
 * The first `n` examples of `data` (the whole set when it has fewer).
 *
 * @example
 * head(train, 1000).x.shape; // [1000, 784]
 */
export function head(data: Dataset, n: number): Dataset {
  const m = Math.min(n, data.y.shape[0] as number);
  return { ...data, x: data.x.slice([[0, m]]), y: data.y.slice([[0, m]]) };
}

/**
 * Held-out accuracy, evaluated in batches of 250 digits.
 *
 * @example
 * accuracyOf(net, test); // e.g. 0.93
 */
export function accuracyOf(net: Module, data: Dataset): number {
  let correct = 0;
  noGrad(() => {
    for (const [xb, yb] of mnistLoader(data, { batchSize: 250, shuffle: false }))
      correct += (net.call(xb as Tensor) as Tensor)
        .argmax(1)
        .eq(yb as Tensor)
        .sum()
        .item();
  });
  return correct / (data.y.shape[0] as number);
}

export interface TrainSettings {
  optimizer: "sgd" | "adam";
  lr: number;
  epochs: number;
  batchSize: number;
  generator: Generator;
  /** Called after every epoch (1-based) that finished with a finite loss. */
  onEpoch?: (epoch: number) => void;
}

/**
 * Minibatch training with softmax cross-entropy (SGD with momentum 0.9, or Adam). Stops at the
 * first non-finite loss and reports it as diverged.
 *
 * @example
 * trainNet(net, train, { optimizer: "adam", lr: 1e-3, epochs: 2, batchSize: 128,
 *   generator: new Generator(0) });
 */
export function trainNet(
  net: Sequential,
  train: Dataset,
  settings: TrainSettings,
): { losses: number[]; diverged: boolean } {
  const params = [...net.parameters()];
  const opt =
    settings.optimizer === "adam"
      ? new Adam(params, { lr: settings.lr })
      : new SGD(params, { lr: settings.lr, momentum: 0.9 });
  const loader = mnistLoader(train, {
    batchSize: settings.batchSize,
    generator: settings.generator,
  });
  const losses: number[] = [];
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    let total = 0;
    let batches = 0;
    for (const [xb, yb] of loader) {
      opt.zeroGrad();
      const loss = crossEntropy(net.call(xb as Tensor) as Tensor, yb as Tensor);
      const value = loss.item();
      if (!Number.isFinite(value)) return { losses, diverged: true };
      loss.backward();
      opt.step();
      total += value;
      batches++;
    }
    losses.push(total / batches);
    settings.onEpoch?.(epoch);
  }
  return { losses, diverged: false };
}
