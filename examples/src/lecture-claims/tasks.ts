import { softmax } from "@fluxion/activations";
import { argmax, Generator, noGrad, oneHot, type Tensor } from "@fluxion/core";
import { crossEntropy, init, Linear, type Module, Sequential } from "@fluxion/nn";
import { weightGradNorms } from "../study/measure.js";
import type { StudyActivation } from "../study/model.js";
import { activationLayer, activationLayers, linearLayers, mlp } from "../study/model.js";
import type { ClaimsConfig } from "./config.js";
import { accuracyOf, head, loadSplit, trainNet } from "./train.js";

/** One unit of work: one configuration of one experiment with one seed. */
export type ClaimTask =
  | { kind: "vanishing"; seed: number; activation: StudyActivation; depth: number }
  | {
      kind: "dying";
      seed: number;
      activation: StudyActivation;
      optimizer: "sgd" | "adam";
      lr: number;
    }
  | { kind: "depth"; seed: number; activation: StudyActivation; depth: number }
  | { kind: "selu"; seed: number; activation: StudyActivation }
  | { kind: "softmax"; seed: number };

export interface VanishingResult {
  /** ‖∂loss/∂W‖ of every Linear layer (first hidden … output) at initialisation. */
  initial: number[];
  /** The same after one epoch of Adam. */
  trained: number[];
  testAccuracy: number;
}

export interface DyingResult {
  /** Per checkpoint (0 = initialisation, then after each epoch): dead fraction of each hidden layer. */
  dead: number[][];
  testAccuracy: number;
  diverged: boolean;
}

export interface DepthResult {
  testAccuracy: number;
  finalLoss: number;
  diverged: boolean;
}

export interface SeluResult {
  /** Mean and standard deviation of the activations after each layer (1 … layers). */
  mean: number[];
  std: number[];
}

export interface SoftmaxResult {
  /** Per temperature: mean over held-out digits of max |softmax(z/T) − onehot(argmax z)|. */
  distance: number[];
  /**
   * Per temperature: median over held-out digits of ‖∂ softmax(z/T)[argmax z] / ∂z‖ (the median:
   * the few near-ties, whose gradient grows like 1/T, would dominate a mean).
   */
  gradNorm: number[];
  /** argmax's output takes part in no graph: its backward raised this error (empty if none). */
  argmaxError: string;
  testAccuracy: number;
}

export type ClaimTaskResult =
  | { kind: "vanishing"; task: ClaimTask; result: VanishingResult }
  | { kind: "dying"; task: ClaimTask; result: DyingResult }
  | { kind: "depth"; task: ClaimTask; result: DepthResult }
  | { kind: "selu"; task: ClaimTask; result: SeluResult }
  | { kind: "softmax"; task: ClaimTask; result: SoftmaxResult };

/**
 * Every task of a run: each configuration of each experiment, once per seed.
 *
 * @example
 * planTasks(quickConfig).length; // 30
 */
export function planTasks(config: ClaimsConfig): ClaimTask[] {
  const tasks: ClaimTask[] = [];
  for (let seed = 0; seed < config.seeds; seed++) {
    for (const depth of config.vanishing.depths)
      for (const activation of config.vanishing.activations)
        tasks.push({ kind: "vanishing", seed, activation, depth });
    for (const { optimizer, lr } of config.dying.settings)
      for (const activation of config.dying.activations)
        tasks.push({ kind: "dying", seed, activation, optimizer, lr });
    for (const depth of config.depth.depths)
      for (const activation of config.depth.activations)
        tasks.push({ kind: "depth", seed, activation, depth });
    for (const activation of config.selu.activations)
      tasks.push({ kind: "selu", seed, activation });
    tasks.push({ kind: "softmax", seed });
  }
  return tasks;
}

/**
 * Relative cost of a task (multiply-adds of its training), for the progress bar's estimate.
 *
 * @example
 * taskCost({ kind: "softmax", seed: 0 }, fullConfig);
 */
export function taskCost(task: ClaimTask, config: ClaimsConfig): number {
  const n = (config.perClass ?? 1000) * 10 * (1 - config.testFraction);
  const mlpSize = (inputs: number, width: number, depth: number) =>
    inputs * width + (depth - 1) * width * width + width * 10 + depth * width * 20;
  switch (task.kind) {
    case "vanishing": {
      const size = mlpSize(784, config.vanishing.width, task.depth);
      return size * (n + 2 * config.vanishing.probe);
    }
    case "dying": {
      const { width, depth, epochs } = config.dying;
      return mlpSize(784, width, depth) * n * (epochs + (epochs + 1) / 3);
    }
    case "depth":
      return mlpSize(784, config.depth.width, task.depth) * n * config.depth.epochs;
    case "selu":
      return (config.selu.width ** 2 * config.selu.layers * config.selu.probe) / 3;
    case "softmax":
      return 784 * 10 * n * (config.softmax.epochs + 1);
  }
}

/** A seed for each (task, purpose), so that no two tasks share a random stream by accident. */
function taskGenerator(task: ClaimTask, salt: number): Generator {
  return new Generator(1_000_003 * task.seed + salt);
}

/**
 * Runs one task. Deterministic: the same task and config give the same result.
 *
 * @example
 * runTask({ kind: "selu", seed: 0, activation: "selu" }, quickConfig).result;
 */
export function runTask(task: ClaimTask, config: ClaimsConfig): ClaimTaskResult {
  switch (task.kind) {
    case "vanishing":
      return { kind: task.kind, task, result: vanishing(task, config) };
    case "dying":
      return { kind: task.kind, task, result: dying(task, config) };
    case "depth":
      return { kind: task.kind, task, result: depthRun(task, config) };
    case "selu":
      return { kind: task.kind, task, result: selu(task, config) };
    case "softmax":
      return { kind: task.kind, task, result: softmaxRun(task, config) };
  }
}

function vanishing(
  task: Extract<ClaimTask, { kind: "vanishing" }>,
  config: ClaimsConfig,
): VanishingResult {
  const { train, test } = loadSplit(config, task.seed);
  const generator = taskGenerator(task, 1);
  // PyTorch's default Linear initialisation, the setting the lecture's claim is about.
  const net = mlp(
    task.activation,
    { inputs: 784, outputs: 10, depth: task.depth, width: config.vanishing.width },
    generator,
  );
  const probe = head(train, config.vanishing.probe);
  const lossOf = (m: Sequential) => crossEntropy(m.call(probe.x) as Tensor, probe.y);
  const initial = weightGradNorms(net, lossOf);
  trainNet(net, train, {
    optimizer: "adam",
    lr: config.vanishing.lr,
    epochs: 1,
    batchSize: config.batchSize,
    generator,
  });
  return { initial, trained: weightGradNorms(net, lossOf), testAccuracy: accuracyOf(net, test) };
}

/**
 * Per hidden layer, the fraction of units whose output is exactly 0 on every example of `data`
 * (the forward pass runs in batches of 1000).
 *
 * @example
 * deadFractions(net, train); // e.g. [0, 0.05, 0.31, 0.42]
 */
export function deadFractions(net: Sequential, data: { x: Tensor }): number[] {
  const layers = activationLayers(net);
  const alive: Uint8Array[] = [];
  let current: Tensor[] = [];
  const handles = layers.map((layer, i) =>
    layer.registerForwardHook((_m, _inputs, output) => {
      current[i] = output as Tensor;
    }),
  );
  try {
    const n = data.x.shape[0] as number;
    noGrad(() => {
      for (let start = 0; start < n; start += 1000) {
        current = [];
        net.call(data.x.slice([[start, Math.min(n, start + 1000)]]));
        current.forEach((out, i) => {
          const peak = out.abs().max(0).data();
          const seen = alive[i] ?? new Uint8Array(peak.length);
          peak.forEach((v, u) => {
            if (v !== 0) seen[u] = 1;
          });
          alive[i] = seen;
        });
      }
    });
  } finally {
    for (const h of handles) h.remove();
  }
  return alive.map((seen) => 1 - seen.reduce((s, v) => s + v, 0) / seen.length);
}

function dying(task: Extract<ClaimTask, { kind: "dying" }>, config: ClaimsConfig): DyingResult {
  const { train, test } = loadSplit(config, task.seed);
  const generator = taskGenerator(task, 2);
  const { depth, width, epochs } = config.dying;
  const net = mlp(task.activation, { inputs: 784, outputs: 10, depth, width }, generator);
  const dead = [deadFractions(net, train)];
  const { diverged } = trainNet(net, train, {
    optimizer: task.optimizer,
    lr: task.lr,
    epochs,
    batchSize: config.batchSize,
    generator,
    onEpoch: () => {
      dead.push(deadFractions(net, train));
    },
  });
  return { dead, testAccuracy: diverged ? Number.NaN : accuracyOf(net, test), diverged };
}

/** He (kaiming-normal) initialisation for every activation but SELU, which gets LeCun-normal. */
function initialiseForDepth(net: Sequential, activation: StudyActivation, generator: Generator) {
  for (const layer of linearLayers(net)) {
    if (activation === "selu") init.lecunNormal(layer.weight, { generator });
    else init.kaimingNormal(layer.weight, { nonlinearity: "relu", generator });
    if (layer.bias) init.zeros(layer.bias);
  }
}

function depthRun(task: Extract<ClaimTask, { kind: "depth" }>, config: ClaimsConfig): DepthResult {
  const { train, test } = loadSplit(config, task.seed);
  const generator = taskGenerator(task, 3);
  const { width, epochs, lr } = config.depth;
  const net = mlp(
    task.activation,
    { inputs: 784, outputs: 10, depth: task.depth, width },
    generator,
  );
  initialiseForDepth(net, task.activation, generator);
  const { losses, diverged } = trainNet(net, train, {
    optimizer: "adam",
    lr,
    epochs,
    batchSize: config.batchSize,
    generator,
  });
  return {
    testAccuracy: diverged ? Number.NaN : accuracyOf(net, test),
    finalLoss: losses[losses.length - 1] ?? Number.NaN,
    diverged,
  };
}

function selu(task: Extract<ClaimTask, { kind: "selu" }>, config: ClaimsConfig): SeluResult {
  const { train } = loadSplit(config, task.seed);
  const generator = taskGenerator(task, 4);
  const { layers, width, probe } = config.selu;
  const act: Module = activationLayer(task.activation);
  const mean: number[] = [];
  const std: number[] = [];
  noGrad(() => {
    let h = head(train, probe).x;
    for (let l = 0; l < layers; l++) {
      const fc = new Linear(h.shape[1] as number, width, { bias: false, generator });
      init.lecunNormal(fc.weight, { generator });
      h = act.call(fc.call(h)) as Tensor;
      mean.push(h.mean().item());
      std.push(h.std(undefined, { correction: 0 }).item());
    }
  });
  return { mean, std };
}

function softmaxRun(task: ClaimTask, config: ClaimsConfig): SoftmaxResult {
  const { train, test } = loadSplit(config, task.seed);
  const generator = taskGenerator(task, 5);
  // Softmax regression: its held-out logits are the z of the claim.
  const net = new Sequential(new Linear(784, 10, { generator }));
  trainNet(net, train, {
    optimizer: "adam",
    lr: 1e-2,
    epochs: config.softmax.epochs,
    batchSize: config.batchSize,
    generator,
  });
  const z = noGrad(() => (net.call(test.x) as Tensor).to("float64"));
  const winners = noGrad(() => z.argmax(1));
  const target = oneHot(winners, 10, { dtype: "float64" });
  const distance: number[] = [];
  const gradNorm: number[] = [];
  for (const temperature of config.softmax.temperatures) {
    const zt = z.detach().requiresGrad_();
    const p = softmax(zt, { temperature });
    distance.push(noGrad(() => p.detach().sub(target).abs().max(1).mean().item()));
    p.mul(target).sum().backward();
    const g = zt.grad as Tensor;
    gradNorm.push(median(Array.from(noGrad(() => g.mul(g).sum(1).sqrt().data()))));
  }
  let argmaxError = "";
  try {
    argmax(z.detach().requiresGrad_(), 1).sum().backward();
  } catch (e) {
    argmaxError = e instanceof Error ? e.message : String(e);
  }
  return { distance, gradNorm, argmaxError, testAccuracy: accuracyOf(net, test) };
}

function median(values: number[]): number {
  const xs = [...values].sort((a, b) => a - b);
  const mid = xs.length >> 1;
  return xs.length % 2 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
}
