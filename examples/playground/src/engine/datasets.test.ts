import { describe, expect, it } from "vitest";
import { datasetNames, defaultConfig } from "./config.js";
import { extentOf, makeData } from "./datasets.js";

const base = { ...defaultConfig, samples: 200, trainFraction: 0.5 };

describe("makeData", () => {
  it("makes every data set seeded, both classes balanced, split as asked", () => {
    for (const dataset of datasetNames) {
      const a = makeData({ ...base, dataset });
      expect(makeData({ ...base, dataset }), dataset).toEqual(a);
      expect(makeData({ ...base, dataset, seed: 2 }), dataset).not.toEqual(a);
      const all = [...a.train, ...a.test];
      expect(all, dataset).toHaveLength(200);
      expect(a.train, dataset).toHaveLength(100);
      const ones = all.filter((p) => p.label === 1).length;
      expect(Math.abs(ones - 100), dataset).toBeLessThan(dataset === "xor" ? 30 : 2);
    }
  });

  it("without noise, each set has its shape: circles of radius 1 and 0.5, XOR's quadrants", () => {
    const circles = makeData({ ...base, dataset: "circles", noise: 0 });
    for (const p of [...circles.train, ...circles.test])
      expect(Math.hypot(p.x, p.y)).toBeCloseTo(p.label === 0 ? 1 : 0.5, 6);
    const xor = makeData({ ...base, dataset: "xor", noise: 0 });
    for (const p of [...xor.train, ...xor.test]) expect(p.label).toBe(p.x * p.y > 0 ? 1 : 0);
  });

  it("the boundary's extent holds every point, square", () => {
    const { train, test } = makeData({ ...base, dataset: "moons" });
    const e = extentOf([...train, ...test]);
    expect(e.xMax - e.xMin).toBeCloseTo(e.yMax - e.yMin, 9);
    for (const p of [...train, ...test]) {
      expect(p.x).toBeGreaterThan(e.xMin);
      expect(p.x).toBeLessThan(e.xMax);
      expect(p.y).toBeGreaterThan(e.yMin);
      expect(p.y).toBeLessThan(e.yMax);
    }
  });
});
