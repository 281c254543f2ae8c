import { ArgumentError, arange, Generator, ones, randn, tensor, zeros } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { expectClose, flat } from "../test-utils/close.js";
import { Dropout } from "./dropout.js";
import { Flatten } from "./flatten.js";
import { Identity } from "./identity.js";
import { Linear } from "./linear.js";
import { Sequential } from "./sequential.js";

describe("Linear", () => {
  it("computes x Wᵀ + b", () => {
    const fc = new Linear(3, 2, { dtype: "float64", generator: new Generator(1) });
    const x = randn([4, 3], { dtype: "float64", generator: new Generator(2) });
    const W = fc.weight.toArray() as number[][];
    const b = flat(fc.bias ?? zeros([2]));
    const want = (x.toArray() as number[][]).flatMap((row) =>
      W.map((w, o) => row.reduce((s, v, i) => s + v * (w[i] as number), b[o] as number)),
    );
    expect(fc.call(x).shape).toEqual([4, 2]);
    expectClose(fc.call(x), want);
    expect(new Linear(3, 2, { bias: false }).bias).toBeNull();
    expect([...new Linear(3, 2, { bias: false }).namedParameters()].map(([n]) => n)).toEqual([
      "weight",
    ]);
  });

  it("initialises like PyTorch: W and b uniform in ±1/√inFeatures", () => {
    const inF = 100;
    const fc = new Linear(inF, 200, { generator: new Generator(3) });
    const bound = 1 / Math.sqrt(inF);
    const w = flat(fc.weight);
    const b = flat(fc.bias ?? zeros([1]));
    for (const v of [...w, ...b]) expect(Math.abs(v)).toBeLessThanOrEqual(bound + 1e-7);
    // U(−a, a) has variance a²/3: 20 000 draws pin it to within a few percent
    const variance = w.reduce((s, v) => s + v * v, 0) / w.length;
    expect(variance / ((bound * bound) / 3)).toBeGreaterThan(0.95);
    expect(variance / ((bound * bound) / 3)).toBeLessThan(1.05);
    expect(Math.max(...w)).toBeGreaterThan(0.99 * bound);
    // same generator seed, same weights
    expect(flat(new Linear(inF, 200, { generator: new Generator(3) }).weight)).toEqual(w);
  });
});

describe("Dropout", () => {
  it("zeroes about p of the elements and scales the rest by 1/(1 − p) in training", () => {
    const p = 0.3;
    const drop = new Dropout(p, { generator: new Generator(5) });
    const y = flat(drop.call(ones([20000])));
    const zeroed = y.filter((v) => v === 0).length / y.length;
    expect(Math.abs(zeroed - p)).toBeLessThan(0.015);
    for (const v of y) if (v !== 0) expect(v).toBeCloseTo(1 / (1 - p), 6);
  });

  it("is the identity in eval mode and for p = 0; p = 1 gives zeros", () => {
    const x = randn([50]);
    const drop = new Dropout(0.5);
    drop.eval();
    expect(drop.call(x)).toBe(x);
    expect(new Dropout(0).call(x)).toBe(x);
    expect(flat(new Dropout(1).call(x)).every((v) => v === 0)).toBe(true);
    expect(() => new Dropout(1.5)).toThrow(ArgumentError);
  });

  it("is reproducible with a seeded generator and passes gradients through the kept elements", () => {
    const a = flat(new Dropout(0.5, { generator: new Generator(9) }).call(ones([64])));
    const b = flat(new Dropout(0.5, { generator: new Generator(9) }).call(ones([64])));
    expect(a).toEqual(b);
    const x = ones([64], { requiresGrad: true });
    const y = new Dropout(0.5, { generator: new Generator(9) }).call(x);
    y.sum().backward();
    expect(flat(x.grad ?? zeros([64]))).toEqual(a);
  });
});

describe("Flatten, Identity, Sequential", () => {
  it("Flatten keeps the batch axis by default", () => {
    expect(new Flatten().call(zeros([2, 3, 4, 5])).shape).toEqual([2, 60]);
    expect(new Flatten(0).call(zeros([2, 3, 4])).shape).toEqual([24]);
    expect(new Flatten(1, 2).call(zeros([2, 3, 4, 5])).shape).toEqual([2, 12, 5]);
  });

  it("Identity returns its input", () => {
    const x = arange(3);
    expect(new Identity().call(x)).toBe(x);
  });

  it("Sequential chains its modules, indexes and iterates them", () => {
    const a = new Linear(3, 4);
    const b = new Linear(4, 2);
    const seq = new Sequential(a, new Identity()).append(b);
    expect(seq.length).toBe(3);
    expect(seq.at(-1)).toBe(b);
    expect(seq[0]).toBe(a);
    expect([...seq].length).toBe(3);
    const x = tensor([[1, 2, 3]]);
    expect(flat(seq.call(x))).toEqual(flat(b.call(a.call(x))));
    expect(() => seq.at(3)).toThrow(/Sequential: index 3 is out of range for length 3/);
  });
});

describe("Linear input checks", () => {
  it("names the layer and the expected feature count when the input's last axis is wrong", () => {
    expect(() => new Linear(4, 2).call(zeros([3, 5]))).toThrow(
      "Linear: the input's last axis must have inFeatures = 4 elements, got input shape [3, 5]",
    );
  });
});
