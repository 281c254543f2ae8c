import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { logSumExp } from "./logSumExp.js";

const f64 = { dtype: "float64" } as const;

describe("logSumExp", () => {
  it("equals ln Σ eˣ for moderate values", () => {
    const v = [0.5, -1, 2];
    const expected = Math.log(v.reduce((s, a) => s + Math.exp(a), 0));
    expect(logSumExp(tensor(v, f64)).item()).toBeCloseTo(expected, 14);
  });

  it("does not overflow or underflow: lse(1000, 1000) = 1000 + ln 2", () => {
    expect(logSumExp(tensor([1000, 1000], f64)).item()).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp(tensor([-1000, -1000], f64)).item()).toBeCloseTo(-1000 + Math.LN2, 12);
  });

  it("is −∞ when every value is −∞, +∞ with a +∞, NaN with a NaN", () => {
    expect(logSumExp(tensor([-Infinity, -Infinity], f64)).item()).toBe(-Infinity);
    expect(logSumExp(tensor([Infinity, 1], f64)).item()).toBe(Infinity);
    expect(logSumExp(tensor([Number.NaN, 1], f64)).item()).toBeNaN();
  });

  it("reduces chosen axes with keepDims", () => {
    const x = tensor(
      [
        [0, 0],
        [1, 1],
      ],
      f64,
    );
    expect(logSumExp(x, 1).toArray()).toEqual([Math.LN2, 1 + Math.LN2]);
    expect(logSumExp(x, 0, true).shape).toEqual([1, 2]);
    expect(logSumExp(x, -1, true).shape).toEqual([2, 1]);
  });

  it("has the softmax as its gradient, even for huge inputs", () => {
    const g = grad((t) => logSumExp(t))(tensor([1000, 1000 + Math.log(3)], f64));
    const [a, b] = g.data();
    // 1000 + ln 3 is stored with an absolute error near 1e-13
    expect(a).toBeCloseTo(0.25, 12);
    expect(b).toBeCloseTo(0.75, 12);
  });
});
