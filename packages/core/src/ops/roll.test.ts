import { describe, expect, it } from "vitest";
import { ArgumentError } from "../errors.js";
import { arange, tensor } from "../tensor/create.js";
import { roll } from "./roll.js";

describe("roll", () => {
  const x = arange(6).reshape([2, 3]);

  it("shifts cyclically along one axis, either way, by any amount", () => {
    expect(roll(tensor([1, 2, 3, 4]), 1).toArray()).toEqual([4, 1, 2, 3]);
    expect(roll(tensor([1, 2, 3, 4]), -1).toArray()).toEqual([2, 3, 4, 1]);
    expect(roll(tensor([1, 2, 3, 4]), 9).toArray()).toEqual([4, 1, 2, 3]);
    expect(roll(tensor([1, 2, 3, 4]), 4).toArray()).toEqual([1, 2, 3, 4]);
    expect(roll(x, 1, 1).toArray()).toEqual([
      [2, 0, 1],
      [5, 3, 4],
    ]);
    expect(roll(x, 1, 0).toArray()).toEqual([
      [3, 4, 5],
      [0, 1, 2],
    ]);
  });

  it("rolls several axes at once, and the flattened tensor without dims (as PyTorch)", () => {
    expect(roll(x, [1, -1], [0, 1]).toArray()).toEqual([
      [4, 5, 3],
      [1, 2, 0],
    ]);
    expect(roll(x, 2).toArray()).toEqual([
      [4, 5, 0],
      [1, 2, 3],
    ]);
    expect(x.roll(-1).toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 0],
    ]);
  });

  it("rolls the gradient back", () => {
    const w = tensor([1, 2, 3], { requiresGrad: true });
    roll(w, 1)
      .mul(tensor([10, 20, 30]))
      .sum()
      .backward();
    expect(w.grad?.toArray()).toEqual([20, 30, 10]);
  });

  it("rejects mismatched shifts and dims, non-integers and bad axes, naming roll", () => {
    expect(() => roll(x, [1, 2], [0])).toThrow(ArgumentError);
    expect(() => roll(x, [1, 2], [0])).toThrow(
      "roll: shifts and dims must have the same length, got 2 shift(s) [1, 2] and 1 dim(s)",
    );
    expect(() => roll(x, [1, 2])).toThrow(
      "roll: without dims, shifts must be one integer (x is rolled as flattened), got [1, 2]",
    );
    expect(() => roll(x, 0.5, 0)).toThrow(
      "roll: shifts must be an integer or an array of integers, got 0.5",
    );
    expect(() => roll(x, 1, 3)).toThrow(/^roll: axis 3 is out of range/);
    expect(() => roll(x, [1, 1], [0, 0])).toThrow("roll: dims [0, 0] names axis 0 more than once");
  });
});
