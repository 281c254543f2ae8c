/**
 * A multi-class classifier on Fisher's Iris flowers: a small MLP with softmax cross-entropy, trained
 * with Adam and judged by stratified 5-fold cross-validation (every flower is held out exactly once,
 * a steadier estimate than one small split). The last fold's model is saved to a safetensors file
 * and loaded back into a fresh model.
 *
 * Run: npx tsx --conditions=@fluxion/source examples/src/iris-mlp.ts
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Generator, noGrad, type Tensor } from "@fluxion/core";
import {
  Adam,
  crossEntropy,
  DataLoader,
  Linear,
  Sequential,
  Tanh,
  TensorDataset,
} from "@fluxion/nn";
import { loadSafetensorsFile, saveSafetensorsFile } from "@fluxion/nn/node";
import { type Dataset, iris, kFold, standardize } from "./data/index.js";
import { isMain } from "./util/is-main.js";

/** 4 measurements → 16 hidden units (tanh) → 3 species logits. */
export function irisModel(generator: Generator): Sequential {
  return new Sequential(
    new Linear(4, 16, { generator }),
    new Tanh(),
    new Linear(16, 3, { generator }),
  );
}

function correctOn(model: Sequential, data: Dataset): number {
  return noGrad(() => (model.call(data.x) as Tensor).argmax(1).eq(data.y).sum().item());
}

function train(model: Sequential, data: Dataset, epochs: number, generator: Generator): number {
  const opt = new Adam(model.parameters(), { lr: 0.01 });
  const loader = new DataLoader(new TensorDataset(data.x, data.y), {
    batchSize: 16,
    shuffle: true,
    generator,
  });
  let last = Number.NaN;
  for (let epoch = 0; epoch < epochs; epoch++) {
    let total = 0;
    let n = 0;
    for (const [xb, yb] of loader) {
      opt.zeroGrad();
      const loss = crossEntropy(model.call(xb as Tensor) as Tensor, yb as Tensor);
      loss.backward();
      opt.step();
      total += loss.item();
      n++;
    }
    last = total / n;
  }
  return last;
}

export interface IrisResult {
  /** Held-out accuracy over all folds (each flower predicted by the model that did not see it). */
  accuracy: number;
  foldAccuracies: number[];
  /** Mean training loss of the last epoch, per fold. */
  finalLosses: number[];
  /** Held-out accuracy of the last fold's model, and of a fresh model that loaded its saved weights. */
  savedAccuracy: number;
  reloadedAccuracy: number;
  path: string;
}

/**
 * Cross-validates, then saves and reloads the last fold's model.
 *
 * @example
 * const { accuracy } = await runIrisMlp({ outDir: "out" });
 */
export async function runIrisMlp(
  options: { epochs?: number; folds?: number; seed?: number; outDir?: string } = {},
): Promise<IrisResult> {
  const seed = options.seed ?? 0;
  const data = iris();
  let correct = 0;
  const foldAccuracies: number[] = [];
  const finalLosses: number[] = [];
  let last: { model: Sequential; test: Dataset } | undefined;
  for (const fold of kFold(data, options.folds ?? 5, seed)) {
    const { train: tr, test } = standardize(fold.train, fold.test);
    const generator = new Generator(seed);
    const model = irisModel(generator);
    finalLosses.push(train(model, tr, options.epochs ?? 100, generator));
    const c = correctOn(model, test);
    correct += c;
    foldAccuracies.push(c / (test.y.shape[0] as number));
    last = { model, test };
  }
  const { model, test } = last as NonNullable<typeof last>;
  const dir = resolve(options.outDir ?? "out");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "iris-mlp.safetensors");
  await saveSafetensorsFile(path, model.stateDict(), { metadata: { example: "iris-mlp" } });
  const reloaded = irisModel(new Generator(seed + 1)); // other initial weights, then overwritten
  reloaded.loadStateDict((await loadSafetensorsFile(path)).tensors);
  const n = test.y.shape[0] as number;
  return {
    accuracy: correct / (data.y.shape[0] as number),
    foldAccuracies,
    finalLosses,
    savedAccuracy: correctOn(model, test) / n,
    reloadedAccuracy: correctOn(reloaded, test) / n,
    path,
  };
}

if (isMain(import.meta.url)) {
  const r = await runIrisMlp();
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  console.log(`fold accuracies: ${r.foldAccuracies.map(pct).join(", ")}`);
  console.log(`5-fold cross-validated held-out accuracy: ${pct(r.accuracy)}`);
  console.log(
    `last fold's model saved to ${r.path}: held-out ${pct(r.savedAccuracy)}; reloaded into a fresh model: ${pct(r.reloadedAccuracy)}`,
  );
}
