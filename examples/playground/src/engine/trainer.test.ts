import { ArgumentError, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { activationChoices, defaultActivationOptions } from "./activation-choices.js";
import { defaultConfig } from "./config.js";
import { preActivations } from "./metrics.js";
import { presets } from "./presets.js";
import type { PlaygroundConfig } from "./protocol.js";
import { Trainer } from "./trainer.js";

const small: PlaygroundConfig = { ...defaultConfig, samples: 120, depth: 2, width: 6 };

function preset(id: string) {
  const found = presets.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

describe("Trainer", () => {
  it("learns two moons: the loss falls within 200 seeded steps", () => {
    const trainer = new Trainer({ ...defaultConfig, dataset: "moons", samples: 200, lr: 0.03 });
    const before = trainer.evaluate();
    expect(trainer.step(200)).toBe(200);
    const after = trainer.evaluate();
    expect(after.step).toBe(200);
    expect(after.trainLoss).toBeLessThan(0.6 * before.trainLoss);
    expect(after.testLoss).toBeLessThan(0.6 * before.testLoss);
    expect(after.testAcc).toBeGreaterThan(0.8);
    expect(trainer.history.map((h) => h.step)).toEqual([0, 200]);
  });

  it("counts epochs: a pass over the training set per ⌈n / batch⌉ steps", () => {
    const trainer = new Trainer({ ...small, batchSize: 16 });
    const perEpoch = Math.ceil(trainer.train.length / 16);
    trainer.step(perEpoch - 1);
    expect(trainer.epoch).toBe(0);
    trainer.step(1);
    expect(trainer.epoch).toBe(1);
    trainer.step(2 * perEpoch);
    expect(trainer.epoch).toBe(3);
  });

  it("splits the data as configured, all points accounted for, both classes in each part", () => {
    const trainer = new Trainer({ ...small, samples: 200, trainFraction: 0.7 });
    expect(trainer.train.length + trainer.test.length).toBe(200);
    expect(trainer.train.length).toBe(140);
    for (const part of [trainer.train, trainer.test]) {
      expect(new Set(part.map((p) => p.label))).toEqual(new Set([0, 1]));
    }
  });

  it("is deterministic with the seed: same seed, same steps; another seed, other data and weights", () => {
    const run = (seed: number) => {
      const t = new Trainer({ ...small, seed });
      t.step(25);
      return { data: t.train, history: t.evaluate(), boundary: t.boundary(8) };
    };
    const a = run(3);
    expect(run(3)).toEqual(a);
    const b = run(4);
    expect(b.data).not.toEqual(a.data);
    expect(b.boundary).not.toEqual(a.boundary);
  });

  it("sigmoid at depth 10: the first layer's gradient norm is orders of magnitude below the last's", () => {
    const trainer = new Trainer(preset("sigmoid-depth-10").config);
    expect(trainer.gradNorms()).toEqual([]);
    trainer.step(1);
    const norms = trainer.gradNorms();
    expect(norms).toHaveLength(11);
    const first = norms[0] as number;
    const last = norms[10] as number;
    expect(first).toBeGreaterThan(0);
    expect(first / last).toBeLessThan(1e-4);
    // and tanh at the same depth does not vanish that much
    const tanh = new Trainer({ ...preset("sigmoid-depth-10").config, activation: "tanh" });
    tanh.step(1);
    const t = tanh.gradNorms();
    expect((t[0] as number) / (t[10] as number)).toBeGreaterThan(100 * (first / last));
  });

  it("ReLU with a high learning rate: units die; Leaky ReLU's do not", () => {
    const { config, compare } = preset("relu-high-lr");
    const relu = new Trainer(config);
    expect(relu.deadFractions().every((f) => f < 0.5)).toBe(true);
    relu.step(60);
    const dead = relu.deadFractions();
    expect(dead).toHaveLength(config.depth);
    expect(Math.max(...dead)).toBeGreaterThan(0.3);
    if (!compare) throw new Error("the preset compares with Leaky ReLU");
    const leaky = new Trainer(compare);
    leaky.step(60);
    expect(leaky.deadFractions()).toEqual(new Array(compare.depth).fill(0));
  });

  it("SELU at depth 50 with LeCun-normal weights keeps unit scale; ReLU's pre-activations collapse", () => {
    const { config, compare } = preset("selu-depth-50");
    if (!compare) throw new Error("the preset compares with ReLU");
    const spread = (c: PlaygroundConfig) => {
      const trainer = new Trainer(c);
      const x = tensor(trainer.train.map((p) => [p.x, p.y]));
      return preActivations(trainer.net, x).map((z) => z.std().item());
    };
    const selu = spread(config);
    expect(selu).toHaveLength(50);
    for (const sd of selu.slice(10)) {
      expect(sd).toBeGreaterThan(0.5);
      expect(sd).toBeLessThan(2);
    }
    const relu = spread(compare);
    expect(relu[49]).toBeLessThan(1e-3 * (selu[49] as number));
  });

  it("binaryStep: every unit passes no gradient, so every layer is dead", () => {
    const trainer = new Trainer({ ...small, activation: "binaryStep", activationOptions: {} });
    expect(trainer.deadFractions()).toEqual([1, 1]);
  });

  it("sets diverged on a non-finite loss and stops stepping", () => {
    const trainer = new Trainer({
      ...small,
      activation: "linear",
      activationOptions: { slope: 1 },
      depth: 6,
      width: 32,
      optimizer: "sgd",
      lr: 10,
    });
    const taken = trainer.step(500);
    expect(trainer.diverged).toBe(true);
    expect(taken).toBeLessThan(500);
    expect(Number.isFinite(trainer.lastLoss)).toBe(false);
    expect(trainer.step(10)).toBe(0);
    expect(trainer.snapshot().diverged).toBe(true);
  });

  it("computes the activation curve with autodiff: f' matches f's finite differences", () => {
    for (const activation of ["sigmoid", "gelu", "softplus", "elu"]) {
      const trainer = new Trainer({
        ...small,
        activation,
        activationOptions: defaultActivationOptions(activation),
      });
      const { x, f, df } = trainer.inspect(0).curve;
      for (let i = 1; i < x.length - 1; i += 10) {
        const fd =
          ((f[i + 1] as number) - (f[i - 1] as number)) /
          ((x[i + 1] as number) - (x[i - 1] as number));
        expect(df[i]).toBeCloseTo(fd, 1);
      }
    }
  });

  it("prelu's curve uses the layer's learned slope, which training changes", () => {
    const trainer = new Trainer({ ...small, activation: "prelu", activationOptions: {} });
    const slope = () => {
      const { x, f } = trainer.inspect(1).curve;
      return (f[0] as number) / (x[0] as number);
    };
    expect(slope()).toBeCloseTo(0.25, 5);
    trainer.step(30);
    expect(slope()).not.toBeCloseTo(0.25, 5);
    expect(trainer.net.parameters()).toContain(trainer.net.prelus[1]?.weight);
  });

  it("histograms the inspected layer's pre-activations over the whole training set", () => {
    const trainer = new Trainer(small);
    const { histogram, curve } = trainer.inspect(1, 12);
    expect(histogram.counts).toHaveLength(12);
    expect(histogram.edges).toHaveLength(13);
    expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(trainer.train.length * small.width);
    expect(curve.x[0]).toBeLessThanOrEqual(histogram.edges[0] as number);
    expect(curve.x[curve.x.length - 1]).toBeGreaterThanOrEqual(histogram.edges[12] as number);
    expect(() => trainer.inspect(2)).toThrow(
      /Trainer.inspect: layer must be an integer from 0 to 1, got 2/,
    );
  });

  it("draws the boundary in one batch: row 0 at yMin, column 0 at xMin, probabilities in [0, 1]", () => {
    const trainer = new Trainer(small);
    trainer.step(20);
    const res = 16;
    const probs = trainer.boundary(res);
    expect(probs).toHaveLength(res * res);
    expect(probs.every((p) => p >= 0 && p <= 1)).toBe(true);
    const { xMin, xMax, yMin, yMax } = trainer.extent;
    const at = (r: number, c: number) => {
      const x = xMin + ((c + 0.5) * (xMax - xMin)) / res;
      const y = yMin + ((r + 0.5) * (yMax - yMin)) / res;
      return trainer.net
        .forward(tensor([[x, y]]))
        .sigmoid()
        .item();
    };
    for (const [r, c] of [
      [0, 0],
      [0, res - 1],
      [res - 1, 3],
      [7, 11],
    ] as const)
      expect(probs[r * res + c]).toBeCloseTo(at(r, c), 5);
    for (const p of [...trainer.train, ...trainer.test]) {
      expect(p.x).toBeGreaterThan(xMin);
      expect(p.x).toBeLessThan(xMax);
      expect(p.y).toBeGreaterThan(yMin);
      expect(p.y).toBeLessThan(yMax);
    }
  });

  it("snapshots send each history entry once", () => {
    const trainer = new Trainer(small);
    expect(trainer.snapshot({ resolution: 4 }).history.map((h) => h.step)).toEqual([0]);
    trainer.step(3);
    const snap = trainer.snapshot({ resolution: 4, inspectLayer: 1 });
    expect(snap.history.map((h) => h.step)).toEqual([3]);
    expect(snap.step).toBe(3);
    expect(snap.inspect.layer).toBe(1);
    expect(snap.gradNorms).toHaveLength(3);
    expect(trainer.snapshot({ resolution: 4 }).history).toEqual([]);
  });

  it("trains with every activation of the list, with its default options", () => {
    for (const choice of activationChoices()) {
      const trainer = new Trainer({
        ...small,
        samples: 40,
        depth: 1,
        width: 3,
        activation: choice.name,
        activationOptions: defaultActivationOptions(choice.name),
      });
      trainer.step(2);
      const snap = trainer.snapshot({ resolution: 2, bins: 4 });
      expect(snap.history[0]?.trainLoss, choice.name).toSatisfy(Number.isFinite);
      expect(snap.deadFraction, choice.name).toHaveLength(1);
      expect(snap.inspect.curve.df.every(Number.isFinite), choice.name).toBe(true);
    }
  });

  it("every initialiser and optimiser trains", () => {
    for (const init of [
      "xavierUniform",
      "xavierNormal",
      "kaimingUniform",
      "kaimingNormal",
      "lecunNormal",
    ] as const) {
      for (const optimizer of ["sgd", "momentum", "adam"] as const) {
        const trainer = new Trainer({ ...small, samples: 40, init, optimizer, lr: 0.01 });
        expect(trainer.step(2)).toBe(2);
        expect(trainer.lastLoss).toSatisfy(Number.isFinite);
      }
    }
  });

  it("rejects a bad configuration with an ArgumentError naming every bad field", () => {
    const bad = { ...small, depth: 0, lr: -1, activation: "relu", activationOptions: { slope: 2 } };
    expect(() => new Trainer(bad)).toThrow(ArgumentError);
    expect(() => new Trainer(bad)).toThrow(
      /Trainer: depth must be an integer from 1 to 50, got 0; Trainer: lr must be a number > 0 and ≤ 10, got -1; Trainer.*unknown option 'slope'/,
    );
    expect(() => new Trainer({ ...small, activation: "argmax", activationOptions: {} })).toThrow(
      /Trainer: unknown activation 'argmax' \(choices: binaryStep, /,
    );
    expect(() => new Trainer({ ...small, dataset: "iris" as never })).toThrow(
      /Trainer: dataset must be one of 'moons', 'circles', 'xor', 'spiral', got 'iris'/,
    );
  });
});
