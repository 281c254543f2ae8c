import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { exp } from "./exp.js";

const f64 = { dtype: "float64" } as const;

describe("exp", () => {
  it("matches e^x at 0, 1 and −1 and overflows to ∞ without throwing", () => {
    const [a, b, c, d, e] = exp(tensor([0, 1, -1, 1000, -Infinity], f64)).data();
    expect(a).toBe(1);
    expect(b).toBe(Math.E);
    expect(c).toBeCloseTo(1 / Math.E, 16);
    expect(d).toBe(Infinity);
    expect(e).toBe(0);
    expect(exp(tensor([Number.NaN])).item()).toBeNaN();
  });

  it("turns int32 into float32 and keeps float64", () => {
    expect(exp(tensor([0], { dtype: "int32" })).dtype).toBe("float32");
    expect(exp(tensor([0], f64)).dtype).toBe("float64");
  });

  it("is its own derivative", () => {
    const g = grad((x) => exp(x).sum())(tensor([0, 1, 2], f64));
    expect(g.toArray()).toEqual([1, Math.E, Math.exp(2)]);
  });
});
