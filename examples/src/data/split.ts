import { Generator, tensor } from "@fluxion/core";
import type { Dataset } from "./dataset.js";
import { shuffleInPlace } from "./dataset.js";

/** The examples of `data` at positions `idx`, in that order. */
export function subset(data: Dataset, idx: readonly number[]): Dataset {
  const index = tensor([...idx], { dtype: "int32" });
  return {
    x: data.x.indexSelect(0, index),
    y: data.y.indexSelect(0, index),
    classes: data.classes,
  };
}

/**
 * A seeded, stratified split into training and held-out parts: each class contributes the same
 * fraction `testFraction` of its examples to the held-out part.
 *
 * @example
 * const { train, test } = trainTestSplit(iris(), 0.3, 0);
 */
export function trainTestSplit(
  data: Dataset,
  testFraction: number,
  seed = 0,
): { train: Dataset; test: Dataset } {
  const g = new Generator(seed);
  const labels = Array.from(data.y.data());
  const trainIdx: number[] = [];
  const testIdx: number[] = [];
  for (let c = 0; c < data.classes.length; c++) {
    const members = labels.flatMap((l, i) => (l === c ? [i] : []));
    shuffleInPlace(members, g);
    const nTest = Math.round(members.length * testFraction);
    testIdx.push(...members.slice(0, nTest));
    trainIdx.push(...members.slice(nTest));
  }
  shuffleInPlace(trainIdx, g);
  shuffleInPlace(testIdx, g);
  return { train: subset(data, trainIdx), test: subset(data, testIdx) };
}

/**
 * Features scaled to zero mean and unit variance with the training part's statistics, applied to
 * both parts (so nothing leaks from the held-out part).
 *
 * @example
 * const scaled = standardize(train, test);
 */
export function standardize(train: Dataset, test: Dataset): { train: Dataset; test: Dataset } {
  const mu = train.x.mean(0, true);
  const sd = train.x.std(0, { keepDims: true, correction: 0 }).add(1e-8);
  return {
    train: { ...train, x: train.x.sub(mu).div(sd) },
    test: { ...test, x: test.x.sub(mu).div(sd) },
  };
}

/**
 * Seeded, stratified k-fold cross-validation: k (train, held-out) pairs in which every example is
 * held out exactly once and each class is spread evenly over the folds.
 *
 * @example
 * for (const { train, test } of kFold(iris(), 5, 0)) { ... }
 */
export function kFold(data: Dataset, k: number, seed = 0): { train: Dataset; test: Dataset }[] {
  const g = new Generator(seed);
  const labels = Array.from(data.y.data());
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (let c = 0; c < data.classes.length; c++) {
    const members = labels.flatMap((l, i) => (l === c ? [i] : []));
    shuffleInPlace(members, g);
    for (const i of members) {
      (folds[next % k] as number[]).push(i);
      next++;
    }
  }
  return folds.map((held, f) => {
    const rest = folds.flatMap((fold, j) => (j === f ? [] : fold));
    shuffleInPlace(rest, g);
    return { train: subset(data, rest), test: subset(data, held) };
  });
}
