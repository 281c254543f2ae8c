import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { log1p } from "./log1p.js";

const f64 = { dtype: "float64" } as const;

describe("log1p", () => {
  it("is accurate for tiny x, where ln(1 + x) would round to 0 or lose digits", () => {
    // ln(1 + x) = x − x²/2 + x³/3 − …
    const x = 1e-10;
    expect(log1p(tensor([x], f64)).item()).toBeCloseTo(x - (x * x) / 2, 25);
    expect(log1p(tensor([1e-20], f64)).item()).toBe(1e-20);
    const [a, b] = log1p(tensor([-1, -2], f64)).data();
    expect(a).toBe(-Infinity);
    expect(b).toBeNaN();
  });

  it("has derivative 1/(1 + x)", () => {
    expect(grad((x) => log1p(x).sum())(tensor([0, 1, 3], f64)).toArray()).toEqual([1, 0.5, 0.25]);
  });
});
