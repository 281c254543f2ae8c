import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { max } from "./max.js";
import { min } from "./min.js";

describe("max and min", () => {
  const x = tensor([
    [1, 7, 3],
    [4, -2, 6],
  ]);

  it("reduce over axes with keepDims", () => {
    expect(max(x).item()).toBe(7);
    expect(min(x).item()).toBe(-2);
    expect(max(x, 0).toArray()).toEqual([4, 7, 6]);
    expect(min(x, 1, true).toArray()).toEqual([[1], [-2]]);
    expect(max(x, -1).toArray()).toEqual([7, 6]);
  });

  it("propagate NaN and handle infinities", () => {
    expect(max(tensor([1, Number.NaN, 3])).item()).toBeNaN();
    expect(min(tensor([Number.NaN, 1])).item()).toBeNaN();
    expect(max(tensor([-Infinity, -Infinity])).item()).toBe(-Infinity);
  });

  it("send the gradient to the extreme element, shared evenly between ties", () => {
    expect(grad((t) => max(t))(tensor([1, 5, 2])).toArray()).toEqual([0, 1, 0]);
    expect(grad((t) => max(t))(tensor([5, 1, 5])).toArray()).toEqual([0.5, 0, 0.5]);
    expect(
      grad((t) => min(t, 1).sum())(
        tensor([
          [2, 1],
          [0, 0],
        ]),
      ).toArray(),
    ).toEqual([
      [0, 1],
      [0.5, 0.5],
    ]);
  });

  it("refuse to reduce an empty axis", () => {
    expect(() => max(zeros([2, 0]), 1)).toThrow(ArgumentError);
    expect(() => max(zeros([2, 0]), 1)).toThrow(
      "max: cannot reduce an empty axis of a tensor of shape [2, 0]",
    );
    expect(() => min(zeros([0]))).toThrow(/^min: cannot reduce an empty axis/);
    // reducing the other axis is fine
    expect(max(zeros([2, 0]), 0).shape).toEqual([0]);
  });
});
