import { ArgumentError, Generator, zeros } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { Parameter } from "../module/parameter.js";
import { flat } from "../test-utils/close.js";
import {
  calculateFanInAndFanOut,
  calculateGain,
  constant,
  kaimingNormal,
  kaimingUniform,
  lecunNormal,
  normal,
  ones,
  uniform,
  xavierNormal,
  xavierUniform,
  zeros as zerosInit,
} from "./index.js";

function stats(values: number[]): { mean: number; std: number; maxAbs: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance), maxAbs: Math.max(...values.map(Math.abs)) };
}

const big = () => new Parameter(zeros([200, 100], { dtype: "float64" })); // fanIn 100, fanOut 200

describe("calculateGain", () => {
  it("has PyTorch's gains", () => {
    for (const n of [
      "linear",
      "identity",
      "conv1d",
      "conv2d",
      "conv3d",
      "convTranspose2d",
      "sigmoid",
    ] as const)
      expect(calculateGain(n)).toBe(1);
    expect(calculateGain("tanh")).toBe(5 / 3);
    expect(calculateGain("relu")).toBe(Math.sqrt(2));
    expect(calculateGain("leakyRelu")).toBe(Math.sqrt(2 / (1 + 0.01 ** 2)));
    expect(calculateGain("leaky_relu", 0.2)).toBe(Math.sqrt(2 / 1.04));
    expect(calculateGain("selu")).toBe(0.75);
    expect(() => calculateGain("swish" as "relu")).toThrow(ArgumentError);
  });
});

describe("initialisers", () => {
  it("compute fans like PyTorch, kernel sizes included", () => {
    expect(calculateFanInAndFanOut(zeros([8, 4, 3, 3]))).toEqual({ fanIn: 36, fanOut: 72 });
    expect(() => xavierUniform(zeros([5]))).toThrow(
      /xavierUniform: fan in and fan out need a tensor with at least 2 dimensions, got shape \[5\]/,
    );
  });

  const cases: [string, (t: Parameter, g: Generator) => unknown, number, number | undefined][] = [
    // name, init, expected std, uniform bound (undefined for normals)
    [
      "xavierUniform",
      (t, generator) => xavierUniform(t, { generator }),
      Math.sqrt(2 / 300),
      Math.sqrt(6 / 300),
    ],
    [
      "xavierNormal (gain 2)",
      (t, generator) => xavierNormal(t, { gain: 2, generator }),
      2 * Math.sqrt(2 / 300),
      undefined,
    ],
    [
      "kaimingUniform (relu)",
      (t, generator) => kaimingUniform(t, { nonlinearity: "relu", generator }),
      Math.sqrt(2 / 100),
      Math.sqrt(6 / 100),
    ],
    [
      "kaimingNormal (fanOut, relu)",
      (t, generator) => kaimingNormal(t, { mode: "fanOut", nonlinearity: "relu", generator }),
      Math.sqrt(2 / 200),
      undefined,
    ],
    [
      "kaimingNormal (leakyRelu a = 0.5)",
      (t, generator) => kaimingNormal(t, { a: 0.5, generator }),
      Math.sqrt(2 / 1.25) / 10,
      undefined,
    ],
    ["lecunNormal", (t, generator) => lecunNormal(t, { generator }), 1 / 10, undefined],
    [
      "uniform(−2, 4)",
      (t, generator) => uniform(t, { a: -2, b: 4, generator }),
      6 / Math.sqrt(12),
      undefined,
    ],
    [
      "normal(3, 0.5)",
      (t, generator) => normal(t, { mean: 3, std: 0.5, generator }),
      0.5,
      undefined,
    ],
  ];
  for (const [name, init, std, bound] of cases)
    it(`${name}: spread and bounds as specified, in place, seedable`, () => {
      const t = big();
      expect(init(t, new Generator(4))).toBe(t);
      expect(t.requiresGrad).toBe(true);
      const s = stats(flat(t));
      expect(s.std / std).toBeGreaterThan(0.97);
      expect(s.std / std).toBeLessThan(1.03);
      if (bound !== undefined) {
        expect(s.maxAbs).toBeLessThanOrEqual(bound);
        expect(s.maxAbs).toBeGreaterThan(0.99 * bound);
      }
      const again = big();
      init(again, new Generator(4));
      expect(flat(again)).toEqual(flat(t));
    });

  it("zeros, ones and constant fill in place", () => {
    const t = new Parameter(zeros([2, 2]));
    expect(flat(ones(t))).toEqual([1, 1, 1, 1]);
    expect(flat(constant(t, 0.5))).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(flat(zerosInit(t))).toEqual([0, 0, 0, 0]);
    expect(stats(flat(normal(big(), { mean: 3, generator: new Generator(1) }))).mean).toBeCloseTo(
      3,
      1,
    );
  });
});
