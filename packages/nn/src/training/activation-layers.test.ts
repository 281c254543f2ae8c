import { Generator, noGrad, type Tensor, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import {
  BinaryStep,
  ELU,
  GELU,
  LeakyReLU,
  LiSHT,
  LogSoftmax,
  Mish,
  PReLU,
  ReLU,
  SELU,
  Sigmoid,
  SiLU,
  Softmax,
  Softplus,
  Swish,
  Tanh,
} from "../layers/activations.js";
import { Linear } from "../layers/linear.js";
import { Sequential } from "../layers/sequential.js";
import { binaryCrossEntropyWithLogits } from "../losses/binary-cross-entropy-with-logits.js";
import type { Module } from "../module/module.js";
import { Adam } from "../optim/adam.js";
import { flat } from "../test-utils/close.js";

// A small classification task: is the point inside the circle of radius 0.8?
function circle(n: number, g: Generator): { x: Tensor; y: Tensor } {
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = [2 * g.uniform() - 1, 2 * g.uniform() - 1] as [number, number];
    xs.push(p);
    ys.push(p[0] ** 2 + p[1] ** 2 < 0.64 ? 1 : 0);
  }
  return { x: tensor(xs), y: tensor(ys).reshape([n, 1]) };
}

const layers: [string, () => Module][] = [
  ["ReLU", () => new ReLU()],
  ["LeakyReLU", () => new LeakyReLU({ negativeSlope: 0.1 })],
  ["PReLU (per channel)", () => new PReLU({ numParameters: 16 })],
  ["ELU", () => new ELU()],
  ["SELU", () => new SELU()],
  ["GELU", () => new GELU()],
  ["GELU (tanh)", () => new GELU({ approximate: "tanh" })],
  ["Swish (learnable β)", () => new Swish({ learnable: true })],
  ["SiLU", () => new SiLU()],
  ["Mish", () => new Mish()],
  ["LiSHT", () => new LiSHT()],
  ["Softplus", () => new Softplus()],
  ["Sigmoid", () => new Sigmoid()],
  ["Tanh", () => new Tanh()],
  ["Softmax", () => new Softmax()],
  ["LogSoftmax", () => new LogSoftmax()],
  ["BinaryStep (straight-through)", () => new BinaryStep({ straightThrough: true })],
];

function train(act: Module, steps: number) {
  const g = new Generator(3);
  const { x, y } = circle(128, g);
  const net = new Sequential(
    new Linear(2, 16, { generator: g }),
    act,
    new Linear(16, 1, { generator: g }),
  );
  const before = [...net.parameters()].map((p) => flat(p));
  const opt = new Adam(net.parameters(), { lr: 0.03 });
  const loss = () => binaryCrossEntropyWithLogits(net.call(x), y);
  const first = noGrad(loss).item();
  let firstLayerGrad = 0;
  for (let s = 0; s < steps; s++) {
    opt.zeroGrad();
    loss().backward();
    const w0 = [...net.parameters()][0] as Tensor;
    if (s === 0) firstLayerGrad = Math.max(...flat(w0.grad ?? tensor([0])).map(Math.abs));
    opt.step();
  }
  const after = [...net.parameters()].map((p) => flat(p));
  return { first, last: noGrad(loss).item(), firstLayerGrad, before, after, net };
}

describe("Sequential of each activation layer trains", () => {
  for (const [name, make] of layers)
    it(name, () => {
      const { first, last, firstLayerGrad, before, after } = train(make(), 250);
      expect(last).toBeLessThan(0.75 * first);
      expect(firstLayerGrad).toBeGreaterThan(0);
      // every parameter (learnable β and PReLU slopes included) moved
      before.forEach((b, i) => {
        expect(after[i]).not.toEqual(b);
      });
    });

  it("BinaryStep passes no gradient: the layer before it never learns (the lecture's point)", () => {
    const { firstLayerGrad, before, after } = train(new BinaryStep(), 20);
    expect(firstLayerGrad).toBe(0);
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).not.toEqual(before[2]); // the output layer still does
  });

  it("layers print their options", () => {
    expect(
      new Sequential(
        new LeakyReLU({ negativeSlope: 0.2 }),
        new PReLU(),
        new Swish({ learnable: true }),
      ).toString(),
    ).toBe(
      [
        "Sequential(",
        "  (0): LeakyReLU(negativeSlope=0.2)",
        "  (1): PReLU(numParameters=1)",
        "  (2): Swish(beta=learnable)",
        ")",
      ].join("\n"),
    );
    expect(
      [...new PReLU({ numParameters: 3 }).namedParameters()].map(([n, p]) => [n, flat(p)]),
    ).toEqual([["weight", [0.25, 0.25, 0.25]]]);
  });
});
