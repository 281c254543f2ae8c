import { type Generator, noGrad, type Tensor } from "@fluxion/core";
import {
  Adam,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  DataLoader,
  type Sequential,
  SGD,
  TensorDataset,
} from "@fluxion/nn";
import type { Dataset } from "../data/index.js";

/** Binary tasks use one logit and binary cross-entropy; multi-class tasks softmax cross-entropy. */
export type Task = "binary" | "multiclass";

/** The loss of `net` on features x and int32 labels y. */
export function lossOf(task: Task, logits: Tensor, y: Tensor): Tensor {
  return task === "binary"
    ? binaryCrossEntropyWithLogits(logits.squeeze(-1), y.to(logits.dtype))
    : crossEntropy(logits, y);
}

/** Fraction of examples whose predicted class equals the label. */
export function accuracy(task: Task, net: Sequential, data: Dataset): number {
  return noGrad(() => {
    const logits = net.call(data.x) as Tensor;
    const predicted = task === "binary" ? logits.squeeze(-1).gt(0) : logits.argmax(1);
    return predicted.eq(data.y).sum().item() / (data.y.shape[0] as number);
  });
}

export interface TrainOptions {
  task: Task;
  epochs: number;
  batchSize: number;
  optimizer: "sgd" | "adam";
  lr: number;
  generator: Generator;
  /** Called after every epoch with its mean training loss and the held-out accuracy. */
  onEpoch?: (epoch: number, loss: number, testAccuracy: number) => void;
}

export interface TrainResult {
  /** Mean training loss of each epoch. */
  losses: number[];
  /** Held-out accuracy after each epoch. */
  testAccuracies: number[];
}

/**
 * Minibatch training of `net` on `train`, evaluated on `test` after every epoch. SGD uses
 * momentum 0.9.
 *
 * @example
 * const { losses } = trainModel(net, train, test, { task: "binary", epochs: 50, batchSize: 32,
 *   optimizer: "sgd", lr: 0.05, generator: new Generator(0) });
 */
export function trainModel(
  net: Sequential,
  train: Dataset,
  test: Dataset,
  options: TrainOptions,
): TrainResult {
  const params = [...net.parameters()];
  const opt =
    options.optimizer === "adam"
      ? new Adam(params, { lr: options.lr })
      : new SGD(params, { lr: options.lr, momentum: 0.9 });
  const loader = new DataLoader(new TensorDataset(train.x, train.y), {
    batchSize: options.batchSize,
    shuffle: true,
    generator: options.generator,
  });
  const losses: number[] = [];
  const testAccuracies: number[] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    net.train();
    let total = 0;
    let batches = 0;
    for (const [xb, yb] of loader) {
      opt.zeroGrad();
      const loss = lossOf(options.task, net.call(xb as Tensor) as Tensor, yb as Tensor);
      loss.backward();
      opt.step();
      total += loss.item();
      batches++;
    }
    net.eval();
    losses.push(total / batches);
    testAccuracies.push(accuracy(options.task, net, test));
    options.onEpoch?.(epoch, losses[epoch] as number, testAccuracies[epoch] as number);
  }
  return { losses, testAccuracies };
}
