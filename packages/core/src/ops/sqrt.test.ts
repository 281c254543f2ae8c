import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { sqrt } from "./sqrt.js";

const f64 = { dtype: "float64" } as const;

describe("sqrt", () => {
  it("takes square roots; negative input is NaN", () => {
    const [a, b, c] = sqrt(tensor([4, 2, -1], f64)).data();
    expect(a).toBe(2);
    expect(b).toBe(Math.SQRT2);
    expect(c).toBeNaN();
  });

  it("has derivative 1/(2√x), infinite at 0", () => {
    expect(grad((x) => sqrt(x).sum())(tensor([4, 0.25], f64)).toArray()).toEqual([0.25, 1]);
    expect(grad((x) => sqrt(x).sum())(tensor([0], f64)).item()).toBe(Infinity);
  });
});
