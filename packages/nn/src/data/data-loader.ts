import { ArgumentError, defaultGenerator, type Generator, type Tensor } from "@fluxion/core";
import { TensorDataset } from "./tensor-dataset.js";

/** Options of `DataLoader`. */
export interface DataLoaderOptions {
  /** Samples per batch (default 1). */
  batchSize?: number;
  /** Draw a new random order at the start of every pass (default false). */
  shuffle?: boolean;
  /** Where the shuffling order comes from (default: core's default generator). */
  generator?: Generator;
  /** Drop the last batch when it is smaller than `batchSize` (default false). */
  dropLast?: boolean;
}

/**
 * Batches of a `TensorDataset`, in order or shuffled with a seedable generator, like PyTorch's
 * `DataLoader`. Iterating it makes one pass (an epoch); each batch is an array with one tensor per
 * dataset tensor.
 *
 * @example
 * const loader = new DataLoader(new TensorDataset(x, y), {
 *   batchSize: 32, shuffle: true, generator: new Generator(0),
 * });
 * for (const [xb, yb] of loader) { ... }
 */
export class DataLoader implements Iterable<Tensor[]> {
  /** The dataset the batches are drawn from. */
  readonly dataset: TensorDataset;
  /** Samples per batch. */
  readonly batchSize: number;
  /** Whether each pass draws a new random order. */
  readonly shuffle: boolean;
  /** Whether a last batch smaller than `batchSize` is dropped. */
  readonly dropLast: boolean;
  readonly #generator: Generator;

  constructor(dataset: TensorDataset, options: DataLoaderOptions = {}) {
    if (!(dataset instanceof TensorDataset))
      throw new ArgumentError(
        `DataLoader: dataset must be a TensorDataset, got ${dataset === null ? "null" : typeof dataset}`,
      );
    if (typeof options !== "object" || options === null)
      throw new ArgumentError(
        `DataLoader: options must be an object, got ${options === null ? "null" : typeof options}`,
      );
    const batchSize = options.batchSize ?? 1;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new ArgumentError(`DataLoader: batchSize must be a positive integer, got ${batchSize}`);
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.shuffle = options.shuffle ?? false;
    this.dropLast = options.dropLast ?? false;
    this.#generator = options.generator ?? defaultGenerator;
  }

  /** Number of batches in one pass. */
  get length(): number {
    const n = this.dataset.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /** The sample order of a pass: 0 … n − 1, or a Fisher–Yates shuffle of it. */
  #order(): number[] {
    const order = Array.from({ length: this.dataset.length }, (_, i) => i);
    if (!this.shuffle) return order;
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.#generator.integer(0, i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    return order;
  }

  *[Symbol.iterator](): Iterator<Tensor[]> {
    const order = this.#order();
    const batches = this.length;
    for (let b = 0; b < batches; b++)
      yield this.dataset.getBatch(order.slice(b * this.batchSize, (b + 1) * this.batchSize));
  }
}
