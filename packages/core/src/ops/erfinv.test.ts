import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { erf } from "./erf.js";
import { erfinv } from "./erfinv.js";

const f64 = { dtype: "float64" } as const;

describe("erfinv", () => {
  it("matches reference values (SciPy/PyTorch float64)", () => {
    const [a, b, c] = erfinv(tensor([0.5, -0.3, 0.9], f64)).data();
    expect(a).toBeCloseTo(0.4769362762044699, 15);
    expect(b).toBeCloseTo(-0.2724627147267544, 15);
    expect(c).toBeCloseTo(1.1630871536766743, 15);
  });

  it("inverts erf to within a few ulps, also near ±1 and for tiny y", () => {
    const ys = [1e-300, 1e-8, 0.1, 0.5, 0.7, 0.99, 0.999999, 1 - 1e-12, -0.6, -(1 - 2 ** -40)];
    const x = erfinv(tensor(ys, f64));
    const back = erf(x).data();
    ys.forEach((y, i) => {
      expect(Math.abs((back[i] ?? Number.NaN) - y)).toBeLessThanOrEqual(4 * 2 ** -52 * Math.abs(y));
    });
  });

  it("gives ±Infinity at ±1, NaN outside [−1, 1], and keeps the sign of zero", () => {
    const r = Array.from(erfinv(tensor([1, -1, 1.5, -2, Number.NaN, -0], f64)).data());
    expect(r.slice(0, 2)).toEqual([Infinity, -Infinity]);
    expect(r.slice(2, 5).every(Number.isNaN)).toBe(true);
    expect(Object.is(r[5], -0)).toBe(true);
  });

  it("has derivative (√π/2)·exp(erfinv(y)²)", () => {
    const g = grad((y) => erfinv(y).sum())(tensor([0, 0.5], f64)).data();
    const x = 0.4769362762044699;
    expect(g[0]).toBeCloseTo(Math.sqrt(Math.PI) / 2, 14);
    expect(g[1]).toBeCloseTo((Math.sqrt(Math.PI) / 2) * Math.exp(x * x), 13);
  });
});
