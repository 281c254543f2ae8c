import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError } from "../errors.js";
import { tensor } from "../tensor/create.js";
import { std, variance } from "./variance.js";

const f64 = { dtype: "float64" } as const;

describe("variance and std", () => {
  const x = tensor([2, 4, 4, 4, 5, 5, 7, 9], f64); // mean 5, Σ(x − 5)² = 32

  it("use Bessel's correction by default and take correction 0", () => {
    expect(variance(x).item()).toBeCloseTo(32 / 7, 14);
    expect(variance(x, undefined, { correction: 0 }).item()).toBe(4);
    expect(std(x, undefined, { correction: 0 }).item()).toBe(2);
  });

  it("reduce along axes with keepDims", () => {
    const m = tensor(
      [
        [1, 3],
        [2, 2],
      ],
      f64,
    );
    expect(variance(m, 1).toArray()).toEqual([2, 0]);
    expect(variance(m, 0, { keepDims: true, correction: 0 }).toArray()).toEqual([[0.25, 0.25]]);
  });

  it("has gradient 2(x − mean)/(n − correction)", () => {
    const g = grad((t) => variance(t))(tensor([1, 2, 6], f64)); // mean 3
    expect(g.toArray()).toEqual([(2 * -2) / 2, (2 * -1) / 2, (2 * 3) / 2]);
  });

  it("is infinite or NaN (not an error) when n ≤ correction", () => {
    expect(variance(tensor([3], f64)).item()).toBeNaN();
  });

  it("rejects a negative correction", () => {
    expect(() => variance(x, undefined, { correction: -1 })).toThrow(ArgumentError);
    expect(() => variance(x, undefined, { correction: -1 })).toThrow(
      "var: correction must be a non-negative number, got -1",
    );
  });
});
