import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { expm1 } from "./expm1.js";

const f64 = { dtype: "float64" } as const;

describe("expm1", () => {
  it("is accurate for tiny x (eˣ − 1 = x + x²/2 + …)", () => {
    const x = 1e-10;
    expect(expm1(tensor([x], f64)).item()).toBeCloseTo(x + (x * x) / 2, 25);
    expect(expm1(tensor([1e-20], f64)).item()).toBe(1e-20);
    expect(expm1(tensor([-Infinity], f64)).item()).toBe(-1);
  });

  it("has derivative eˣ", () => {
    expect(grad((x) => expm1(x).sum())(tensor([0, 1], f64)).toArray()).toEqual([1, Math.E]);
  });
});
