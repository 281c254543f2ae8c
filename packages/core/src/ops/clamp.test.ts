import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError } from "../errors.js";
import { tensor } from "../tensor/create.js";
import { clamp } from "./clamp.js";

describe("clamp", () => {
  it("clamps to [min, max], either bound optional", () => {
    const x = tensor([-3, -1, 0, 1, 3]);
    expect(clamp(x, -1, 1).toArray()).toEqual([-1, -1, 0, 1, 1]);
    expect(clamp(x, 0).toArray()).toEqual([0, 0, 0, 1, 3]);
    expect(clamp(x, undefined, 0).toArray()).toEqual([-3, -1, 0, 0, 0]);
    expect(clamp(tensor([Number.NaN]), 0, 1).item()).toBeNaN();
  });

  it("passes the gradient inside [min, max], bounds included, and 0 outside", () => {
    const g = grad((x) => clamp(x, -1, 1).sum())(tensor([-2, -1, 0.5, 1, 2]));
    expect(g.toArray()).toEqual([0, 1, 1, 1, 0]);
  });

  it("rejects min > max and NaN bounds with an ArgumentError naming clamp", () => {
    expect(() => clamp(tensor([1]), 2, 1)).toThrow(ArgumentError);
    expect(() => clamp(tensor([1]), 2, 1)).toThrow("clamp: needs min ≤ max, got min=2, max=1");
    expect(() => clamp(tensor([1]), Number.NaN)).toThrow(/clamp: needs min ≤ max, got min=NaN/);
  });
});
