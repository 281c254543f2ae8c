import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { broadcastShapes } from "../shape.js";
import {
  arbBroadcastableShapes,
  arbFloat64Tensor,
  arbIndexTensor,
  arbShape,
  arbTensor,
  fcParams,
} from "./index.js";

const params = fcParams(100);

describe("@fluxion/core/testing arbitraries", () => {
  it("arbShape respects rank, dim and size limits", () => {
    fc.assert(
      fc.property(arbShape({ minRank: 1, maxRank: 4, maxDim: 5, maxSize: 24 }), (s) => {
        expect(s.length).toBeGreaterThanOrEqual(1);
        expect(s.length).toBeLessThanOrEqual(4);
        for (const d of s) expect(d >= 1 && d <= 5).toBe(true);
        expect(s.reduce((p, d) => p * d, 1)).toBeLessThanOrEqual(24);
      }),
      params,
    );
  });

  it("arbShape can draw empty axes when minDim is 0", () => {
    const shapes = fc.sample(arbShape({ minRank: 2, maxRank: 2, minDim: 0, maxDim: 1 }), {
      seed: 1,
      numRuns: 100,
    });
    expect(shapes.some((s) => s.includes(0))).toBe(true);
  });

  it("arbBroadcastableShapes: the operands broadcast to the first shape", () => {
    fc.assert(
      fc.property(arbBroadcastableShapes(3, { maxRank: 4 }), ([out, ...ops]) => {
        expect(ops).toHaveLength(3);
        expect(broadcastShapes("test", ...ops)).toEqual(out);
      }),
      params,
    );
  });

  it("arbBroadcastableShapes draws size-1 axes and missing leading axes", () => {
    const draws = fc.sample(arbBroadcastableShapes(2, { minRank: 2, maxRank: 3, minDim: 2 }), {
      seed: 3,
      numRuns: 200,
    });
    // minDim 2: every 1 in an operand is a broadcast axis
    expect(draws.some(([out, a]) => (a as number[]).includes(1) && !out.includes(1))).toBe(true);
    const loose = fc.sample(arbBroadcastableShapes(2, { minRank: 2, maxRank: 3, maxDim: 3 }), {
      seed: 3,
      numRuns: 200,
    });
    expect(loose.some(([out, a]) => (a as number[]).length < out.length)).toBe(true);
    expect(
      loose.some(([out, a]) =>
        (a as number[]).some(
          (d, i) => d === 1 && out[out.length - (a as number[]).length + i] !== 1,
        ),
      ),
    ).toBe(true);
  });

  it("arbTensor: float64 values in range, finite by default", () => {
    fc.assert(
      fc.property(arbTensor({ min: -2, max: 3 }), (x) => {
        expect(x.dtype).toBe("float64");
        for (const v of x.data()) expect(v >= -2 && v <= 3).toBe(true);
      }),
      params,
    );
  });

  it("arbTensor: keeps values away from kinks and from each other", () => {
    fc.assert(
      fc.property(
        arbTensor({ shape: [6], min: -1, max: 1, avoid: [0, 0.5], margin: 0.01 }),
        arbTensor({ shape: [2, 3], min: -1, max: 1, distinct: 0.01 }),
        (x, y) => {
          for (const v of x.data()) {
            expect(Math.abs(v)).toBeGreaterThanOrEqual(0.01);
            expect(Math.abs(v - 0.5)).toBeGreaterThanOrEqual(0.01);
          }
          const s = [...y.data()].sort((a, b) => a - b);
          for (let i = 1; i < s.length; i++)
            expect((s[i] as number) - (s[i - 1] as number)).toBeGreaterThanOrEqual(0.01 - 1e-15);
        },
      ),
      params,
    );
  });

  it("arbTensor: NaN and Infinity only when asked", () => {
    const xs = fc.sample(arbTensor({ shape: [8], nonFinite: true }), { seed: 5, numRuns: 50 });
    expect(xs.some((x) => [...x.data()].some((v) => !Number.isFinite(v)))).toBe(true);
    const ys = fc.sample(arbTensor({ shape: [8] }), { seed: 5, numRuns: 50 });
    expect(ys.every((x) => [...x.data()].every(Number.isFinite))).toBe(true);
  });

  it("arbTensor: int32, float32, requiresGrad, and a shape arbitrary", () => {
    fc.assert(
      fc.property(
        arbIndexTensor([3, 2], 4),
        arbTensor({ dtype: "float32", shape: arbShape({ minRank: 2, maxRank: 2 }) }),
        arbFloat64Tensor([2], { requiresGrad: true }),
        (i, f, g) => {
          expect(i.dtype).toBe("int32");
          expect(i.shape).toEqual([3, 2]);
          for (const v of i.data()) expect(Number.isInteger(v) && v >= 0 && v < 4).toBe(true);
          expect(f.dtype).toBe("float32");
          expect(f.ndim).toBe(2);
          expect(g.requiresGrad).toBe(true);
        },
      ),
      params,
    );
  });

  it("rejects invalid constraints", () => {
    expect(() => arbShape({ minRank: 3, maxRank: 1 })).toThrow(/minRank/);
    expect(() => arbBroadcastableShapes(0)).toThrow(/positive integer/);
    expect(() => arbIndexTensor([2], 0)).toThrow(/positive integer/);
  });

  it("fcParams reads FC_SEED with a default of 42", () => {
    const prev = process.env.FC_SEED;
    try {
      delete process.env.FC_SEED;
      expect(fcParams(7)).toEqual({ seed: 42, numRuns: 7 });
      process.env.FC_SEED = "123";
      expect(fcParams(7).seed).toBe(123);
      process.env.FC_SEED = "abc";
      expect(() => fcParams(7)).toThrow(/FC_SEED/);
    } finally {
      if (prev === undefined) delete process.env.FC_SEED;
      else process.env.FC_SEED = prev;
    }
  });
});

describe("@fluxion/core without fast-check", () => {
  it("no module outside testing/ (tests and specs aside) imports fast-check or the testing subpath", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const root = new URL("../", import.meta.url).pathname;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "testing") walk(path);
        } else if (entry.name.endsWith(".ts") && !/\.(test|spec)\.ts$/.test(entry.name)) {
          // tests and op specs (ops/<op>.spec.ts) are test code: they may use fast-check
          const text = readFileSync(path, "utf8");
          if (/from "fast-check"|testing\/index\.js|\.\/testing\.js/.test(text))
            offenders.push(path);
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
