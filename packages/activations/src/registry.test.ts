/**
 * Registry-wide checks of every listed activation's metadata against the function itself: the
 * facts docs/activations.md prints (kink values, monotonicity, oddness) are tested, not trusted.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { type DType, gradients, type Tensor, tensor } from "@fluxion/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderActivationDocs } from "./docs.js";
import { activations } from "./index.js";
import * as list from "./list.js";
import { activationList } from "./registry.js";

const seed = Number(process.env.FC_SEED ?? 42);
const elementwise = activations.filter((a) => a.kind === "elementwise" && a.differentiable);
const f64 = (xs: number[]) => tensor(xs, { dtype: "float64" });
const values = (t: Tensor) => Array.from(t.data());

describe("the activation list", () => {
  it("exports each activation under its own name", () => {
    for (const a of activationList) expect((list as Record<string, unknown>)[a.info.name]).toBe(a);
  });
  it("registers an op named as each function, with specs for every op", () => {
    for (const a of activationList) {
      if (a.info.name === "prelu" || a.info.differentiable === false) continue;
      expect(a.specs.map((s) => s.op)).toContain(a.info.name);
    }
  });
});

describe.each(elementwise.map((a) => [a.name, a] as const))("%s", (_name, a) => {
  it("has the stated derivative at each kink", () => {
    for (const [i, at] of (a.kink?.at ?? []).entries()) {
      const x = tensor([at], { dtype: "float64", requiresGrad: true });
      a.apply(x).sum().backward();
      expect(x.grad?.item(), `f'(${at})`).toBe(a.kink?.derivative[i]);
    }
  });

  if (a.monotonic === "yes" || a.monotonic === "non-strict") {
    it(`is monotonic (${a.monotonic}): a < b ⇒ f(a) ≤ f(b)`, () => {
      fc.assert(
        fc.property(
          fc.double({ min: -1e4, max: 1e4, noNaN: true }),
          fc.double({ min: -1e4, max: 1e4, noNaN: true }),
          (p, q) => {
            const [lo, hi] = p < q ? [p, q] : [q, p];
            const [fa, fb] = values(a.apply(f64([lo, hi])));
            expect(fa).toBeLessThanOrEqual(fb ?? Number.NaN);
          },
        ),
        { seed, numRuns: 200 },
      );
    });
  }
  if (a.monotonic === "yes") {
    it("increases strictly on [−3, 3]", () => {
      const y = values(a.apply(f64(Array.from({ length: 61 }, (_, i) => -3 + i / 10))));
      y.slice(1).forEach((v, i) => {
        expect(v).toBeGreaterThan(y[i] ?? Number.POSITIVE_INFINITY);
      });
    });
  }
  if (a.monotonic === "no") {
    it("is not monotonic: it decreases somewhere on [−5, 5]", () => {
      const y = values(a.apply(f64(Array.from({ length: 101 }, (_, i) => -5 + i / 10))));
      expect(y.slice(1).some((v, i) => v < (y[i] ?? Number.NEGATIVE_INFINITY))).toBe(true);
    });
  }
  if (a.zeroCentred === "yes") {
    it("is zero-centred: odd, f(−x) = −f(x)", () => {
      const xs = [0.1, 0.5, 1, 2, 7, 40];
      const pos = values(a.apply(f64(xs)));
      const neg = values(a.apply(f64(xs.map((v) => -v))));
      pos.forEach((v, i) => {
        expect(neg[i]).toBe(-v);
      });
    });
  }
  it.each(["float64", "float32"] as DType[])(
    "is finite with finite f' and f'' up to ±1e4, and propagates NaN (%s)",
    (dtype) => {
      for (const x0 of [-1e4, -1e3, -100, -40, -1, 0, 1, 40, 100, 1e3, 1e4]) {
        const x = tensor([x0], { dtype, requiresGrad: true });
        const y = a.apply(x);
        expect(y.dtype).toBe(dtype);
        expect(Number.isFinite(y.item()), `f(${x0})`).toBe(true);
        const [g] = gradients([y.sum()], [x], { createGraph: true });
        expect(Number.isFinite(g?.item() ?? Number.NaN), `f'(${x0})`).toBe(true);
        if (g?.requiresGrad) {
          g.sum().backward();
          expect(Number.isFinite(x.grad?.item() ?? Number.NaN), `f''(${x0})`).toBe(true);
        }
      }
      const nan = values(a.apply(tensor([Number.NaN, 1], { dtype })));
      expect(Number.isNaN(nan[0] ?? 0)).toBe(true);
      expect(Number.isFinite(nan[1] ?? Number.NaN)).toBe(true);
    },
  );
  it("is smooth exactly when it has no kink", () => {
    expect(a.smooth).toBe(a.kink === null);
  });
});

describe("docs/activations.md", () => {
  it("is the rendering of the metadata (npm run docs:activations rewrites it)", () => {
    const url = new URL("../../../docs/activations.md", import.meta.url);
    const expected = renderActivationDocs(activations);
    if (process.env.FLUXION_WRITE_DOCS) writeFileSync(url, expected);
    expect(readFileSync(url, "utf8")).toBe(expected);
  });
});
