import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { logaddexp } from "./logaddexp.js";
import { xlogy } from "./xlogy.js";

const f64 = { dtype: "float64" } as const;

describe("logaddexp", () => {
  it("matches log(eᵃ + eᵇ) and does not overflow", () => {
    const r = logaddexp(tensor([1, 1000, -1000, 0], f64), tensor([2, 1000, -1001, -800], f64));
    const [a, b, c, d] = r.data();
    expect(a).toBeCloseTo(Math.log(Math.exp(1) + Math.exp(2)), 15);
    expect(b).toBeCloseTo(1000 + Math.LN2, 12);
    expect(c).toBeCloseTo(-1000 + Math.log1p(Math.exp(-1)), 12);
    expect(d).toBe(0);
  });

  it("handles infinities as PyTorch: equal infinities give themselves", () => {
    const r = logaddexp(
      tensor([-Infinity, Infinity, -Infinity, 1], f64),
      tensor([-Infinity, Infinity, 3, Infinity], f64),
    );
    expect(r.toArray()).toEqual([-Infinity, Infinity, 3, Infinity]);
    expect(logaddexp(tensor([Number.NaN], f64), 0).item()).toBeNaN();
  });

  it("has gradient σ(a − b) for a and σ(b − a) for b", () => {
    const [ga, gb] = grad((a, b) => logaddexp(a, b).sum(), { argnums: [0, 1] })(
      tensor([1, 1000], f64),
      tensor([2, 1000], f64),
    );
    const s = 1 / (1 + Math.exp(1));
    expect(ga?.data()[0]).toBeCloseTo(s, 15);
    expect(gb?.data()[0]).toBeCloseTo(1 - s, 15);
    // exp(a − y) with y = 1000 + ln 2 rounded to its ulp (1.1e-13 at 1000), as PyTorch computes it
    expect(ga?.data()[1]).toBeCloseTo(0.5, 12);
  });
});

describe("xlogy", () => {
  it("is x·log y, and 0 where x = 0 unless y is NaN", () => {
    const r = Array.from(
      xlogy(tensor([0, 0, 2, 3, 0], f64), tensor([0, 5, Math.E, 0, Number.NaN], f64)).data(),
    );
    expect(r.slice(0, 3)).toEqual([0, 0, 2]);
    expect(r[3]).toBe(-Infinity);
    expect(r[4]).toBeNaN();
  });

  it("has gradients log y (0 where x = 0) and x/y", () => {
    const [gx, gy] = grad((x, y) => xlogy(x, y).sum(), { argnums: [0, 1] })(
      tensor([0, 2], f64),
      tensor([3, 4], f64),
    );
    expect(gx?.toArray()).toEqual([0, Math.log(4)]);
    expect(gy?.toArray()).toEqual([0, 0.5]);
  });
});
