import { ArgumentError, Generator, noGrad, type Tensor, tensor } from "@fluxion/core";
import { binaryCrossEntropyWithLogits } from "@fluxion/nn";
import { resolveActivation } from "./activation-choices.js";
import { checkConfig } from "./config.js";
import { type Extent, extentOf, makeData } from "./datasets.js";
import {
  activationCurve,
  boundaryGrid,
  deadFractions,
  gradNorms,
  histogram,
  preActivations,
} from "./metrics.js";
import { Mlp } from "./model.js";
import { makeOptimizer } from "./optimizer.js";
import type { HistoryEntry, PlaygroundConfig, Point, Snapshot } from "./protocol.js";

/** What a snapshot computes besides the metrics. */
export interface SnapshotOptions {
  /** The hidden layer (0-based) whose histogram and activation curve are shown (default 0). */
  readonly inspectLayer?: number;
  /** Decision-boundary grid resolution (default 64). */
  readonly resolution?: number;
  /** Histogram bins (default 30). */
  readonly bins?: number;
}

/** Features [n, 2] and float labels [n] of a list of points. */
function tensorsOf(points: readonly Point[]): { x: Tensor; y: Tensor } {
  return {
    x: tensor(points.map((p) => [p.x, p.y])),
    y: tensor(points.map((p) => p.label)),
  };
}

/** Mean BCE-with-logits loss and accuracy of `net` on (x, y), without a graph. */
function evaluateOn(net: Mlp, x: Tensor, y: Tensor): { loss: number; acc: number } {
  return noGrad(() => {
    const logits = net.forward(x);
    const loss = binaryCrossEntropyWithLogits(logits, y).item();
    const acc = logits.gt(0).eq(y.gt(0.5)).to("float32").mean().item();
    return { loss, acc };
  });
}

/**
 * Trains the playground's network on its data set: minibatch steps of binary cross-entropy with
 * logits, in seeded epochs (the seed fixes the data, the initial weights and the batch order, so
 * two trainers with one configuration take identical steps), with the views' measurements.
 *
 * @example
 * const trainer = new Trainer({ ...defaultConfig, activation: "relu", activationOptions: {} });
 * trainer.step(200);
 * trainer.evaluate().testAcc; // e.g. 0.97
 */
export class Trainer {
  readonly config: PlaygroundConfig;
  readonly train: Point[];
  readonly test: Point[];
  readonly net: Mlp;
  /** The region the decision boundary covers (all points, with a margin). */
  readonly extent: Extent;
  #x: Tensor;
  #y: Tensor;
  #xTest: Tensor;
  #yTest: Tensor;
  #optimizer: ReturnType<typeof makeOptimizer>;
  #order: Generator;
  #batches: Tensor[] = [];
  #step = 0;
  #epoch = 0;
  #diverged = false;
  #lastLoss = Number.NaN;
  #history: HistoryEntry[] = [];
  #sent = 0;

  /** Builds data and model; a bad configuration throws an ArgumentError naming every field. */
  constructor(config: PlaygroundConfig) {
    checkConfig(config, "Trainer");
    this.config = { ...config, activationOptions: { ...config.activationOptions } };
    const { train, test } = makeData(config);
    this.train = train;
    this.test = test;
    this.extent = extentOf([...train, ...test]);
    ({ x: this.#x, y: this.#y } = tensorsOf(train));
    ({ x: this.#xTest, y: this.#yTest } = tensorsOf(test));
    const activation = resolveActivation(config.activation, config.activationOptions, "Trainer");
    this.net = new Mlp({ ...config, activation });
    this.#optimizer = makeOptimizer(config.optimizer, this.net.parameters(), config.lr);
    // the batch order has its own stream, so it does not shift when the model's size changes
    this.#order = new Generator(config.seed + 0x5bd1e995);
  }

  /** Steps taken. */
  get stepCount(): number {
    return this.#step;
  }
  /** Completed passes over the training set. */
  get epoch(): number {
    return this.#epoch;
  }
  /** Whether a step met a non-finite loss (then `step` does nothing). */
  get diverged(): boolean {
    return this.#diverged;
  }
  /** The minibatch loss of the last step (NaN before the first). */
  get lastLoss(): number {
    return this.#lastLoss;
  }

  /** Index tensors of one epoch's minibatches, in a seeded random order. */
  #nextEpoch(): void {
    const n = this.train.length;
    const idx = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.#order.integer(0, i + 1);
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    const size = Math.min(this.config.batchSize, n);
    this.#batches = [];
    for (let start = 0; start < n; start += size)
      this.#batches.push(tensor(idx.slice(start, start + size), { dtype: "int32" }));
    this.#batches.reverse(); // popped from the end
  }

  /**
   * Takes up to `n` optimiser steps (fewer if the loss turns non-finite: `diverged` is then set);
   * returns the number taken.
   *
   * @example
   * trainer.step(10); // 10
   */
  step(n = 1): number {
    let taken = 0;
    while (taken < n && !this.#diverged) {
      if (this.#batches.length === 0) this.#nextEpoch();
      const batch = this.#batches.pop() as Tensor;
      this.#optimizer.zeroGrad();
      const logits = this.net.forward(this.#x.indexSelect(0, batch));
      const loss = binaryCrossEntropyWithLogits(logits, this.#y.indexSelect(0, batch));
      loss.backward();
      const value = loss.item();
      this.#lastLoss = value;
      this.#step++;
      taken++;
      if (!Number.isFinite(value)) {
        this.#diverged = true;
        break;
      }
      this.#optimizer.step();
      if (this.#batches.length === 0) this.#epoch++;
    }
    return taken;
  }

  /**
   * Loss and accuracy on the whole train and test sets now, appended to the history (once per
   * step: a second call at the same step returns the same entry).
   *
   * @example
   * trainer.evaluate(); // { step: 0, trainLoss: 0.69, testLoss: 0.7, trainAcc: 0.5, testAcc: 0.48 }
   */
  evaluate(): HistoryEntry {
    const last = this.#history[this.#history.length - 1];
    if (last && last.step === this.#step) return last;
    const train = evaluateOn(this.net, this.#x, this.#y);
    const test = evaluateOn(this.net, this.#xTest, this.#yTest);
    const entry: HistoryEntry = {
      step: this.#step,
      trainLoss: train.loss,
      testLoss: test.loss,
      trainAcc: train.acc,
      testAcc: test.acc,
    };
    this.#history.push(entry);
    return entry;
  }

  /** Every evaluation so far. */
  get history(): readonly HistoryEntry[] {
    return this.#history;
  }

  /** Per Linear layer, the weight gradient's L2 norm at the last step ([] before the first). */
  gradNorms(): number[] {
    return gradNorms(this.net);
  }

  /**
   * Per hidden layer, the fraction of units dead on the whole training set (`pre`: the training
   * set's pre-activations, if already computed).
   */
  deadFractions(pre?: Tensor[]): number[] {
    return deadFractions(this.net, this.#x, pre);
  }

  /** P(label 1) on a resolution × resolution grid over `extent` (row 0 at the bottom, y near yMin). */
  boundary(resolution = 64): Float32Array {
    return boundaryGrid(this.net, this.extent, resolution);
  }

  /**
   * Hidden layer `layer`'s pre-activation histogram on the training set, and its activation f
   * and f' over a range covering that histogram (at least −4…4). `pre`: the training set's
   * pre-activations, if already computed.
   */
  inspect(layer: number, bins = 30, pre?: Tensor[]): Snapshot["inspect"] {
    const z = (pre ?? preActivations(this.net, this.#x))[layer];
    if (z === undefined) {
      throw new ArgumentError(
        `Trainer.inspect: layer must be an integer from 0 to ${this.net.depth - 1}, got ${layer}`,
      );
    }
    const hist = histogram(z.data(), bins);
    const lo = Math.max(-100, Math.min(-4, hist.edges[0] ?? -4));
    const hi = Math.min(100, Math.max(4, hist.edges[hist.edges.length - 1] ?? 4));
    return { layer, histogram: hist, curve: activationCurve(this.net, layer, lo, hi, 161) };
  }

  /**
   * Everything the views show: evaluates at the current step, then returns the history entries
   * not sent yet, the gradient norms, dead fractions, decision boundary and the inspected layer.
   *
   * @example
   * const snap = trainer.snapshot({ inspectLayer: 2 });
   */
  snapshot(options: SnapshotOptions = {}): Snapshot {
    this.evaluate();
    const resolution = options.resolution ?? 64;
    const layer = Math.min(Math.max(options.inspectLayer ?? 0, 0), this.net.depth - 1);
    const pre = preActivations(this.net, this.#x);
    const history = this.#history.slice(this.#sent);
    this.#sent = this.#history.length;
    return {
      step: this.#step,
      epoch: this.#epoch,
      history,
      gradNorms: this.gradNorms(),
      deadFraction: this.deadFractions(pre),
      boundary: { resolution, ...this.extent, probs: this.boundary(resolution) },
      inspect: this.inspect(layer, options.bins ?? 30, pre),
      diverged: this.#diverged,
    };
  }
}
