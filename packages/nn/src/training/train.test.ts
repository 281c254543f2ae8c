import { Generator, noGrad, type Tensor, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { DataLoader } from "../data/data-loader.js";
import { TensorDataset } from "../data/tensor-dataset.js";
import { Linear } from "../layers/linear.js";
import { binaryCrossEntropyWithLogits } from "../losses/binary-cross-entropy-with-logits.js";
import { crossEntropy } from "../losses/cross-entropy.js";
import { Module } from "../module/module.js";
import { Adam } from "../optim/adam.js";
import { SGD } from "../optim/sgd.js";
import { flat } from "../test-utils/close.js";

/** A two-layer perceptron; the hidden nonlinearity is max(x, 0) written with core's clamp. */
class Mlp extends Module {
  layers: Linear[];
  constructor(sizes: number[], generator: Generator) {
    super();
    this.layers = sizes.slice(1).map((n, i) => new Linear(sizes[i] as number, n, { generator }));
  }
  forward(x: Tensor): Tensor {
    let h = x;
    this.layers.forEach((layer, i) => {
      h = layer.call(h);
      if (i < this.layers.length - 1) h = h.clamp(0);
    });
    return h;
  }
}

/** Two interleaved half circles with Gaussian noise (scikit-learn's make_moons). */
function twoMoons(n: number, noise: number, g: Generator): { x: Tensor; y: Tensor } {
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = Math.PI * g.uniform();
    const label = i % 2;
    const [a, b] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    xs.push([a + noise * g.normal(), b + noise * g.normal()]);
    ys.push(label);
  }
  return { x: tensor(xs), y: tensor(ys, { dtype: "int32" }) };
}

describe("training small MLPs", () => {
  it("learns XOR", () => {
    const g = new Generator(0);
    const net = new Mlp([2, 8, 1], g);
    const x = tensor([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const y = tensor([[0], [1], [1], [0]]);
    const opt = new SGD(net.parameters(), { lr: 0.5, momentum: 0.9 });
    let first = 0;
    let last = 0;
    for (let step = 0; step < 300; step++) {
      opt.zeroGrad();
      const loss = binaryCrossEntropyWithLogits(net.call(x), y);
      loss.backward();
      opt.step();
      if (step === 0) first = loss.item();
      last = loss.item();
    }
    expect(last).toBeLessThan(0.05 * first);
    const predictions = noGrad(() => flat(net.call(x)).map((z) => (z > 0 ? 1 : 0)));
    expect(predictions).toEqual([0, 1, 1, 0]);
  });

  it("learns two moons with minibatches from a shuffled DataLoader", () => {
    const g = new Generator(1);
    const train = twoMoons(256, 0.1, g);
    const test = twoMoons(200, 0.1, g);
    const net = new Mlp([2, 16, 16, 2], g);
    const opt = new Adam(net.parameters(), { lr: 0.02 });
    const loader = new DataLoader(new TensorDataset(train.x, train.y), {
      batchSize: 32,
      shuffle: true,
      generator: g,
    });
    for (let epoch = 0; epoch < 40; epoch++) {
      for (const [xb, yb] of loader) {
        opt.zeroGrad();
        crossEntropy(net.call(xb as Tensor), yb as Tensor).backward();
        opt.step();
      }
    }
    const predicted = noGrad(() => flat(net.call(test.x).argmax(1)));
    const labels = flat(test.y);
    const accuracy = predicted.filter((p, i) => p === labels[i]).length / labels.length;
    expect(accuracy).toBeGreaterThan(0.97);
  });
});
