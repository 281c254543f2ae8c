import { describe, expect, it } from "vitest";
import { ArgumentError, ShapeError } from "../errors.js";
import { arange, ones, tensor, zeros } from "../tensor/create.js";
import { slice, sliceScatter } from "./slice.js";

describe("slice", () => {
  const x = arange(12).reshape([3, 4]);

  it("takes ranges, steps, negative bounds and integer indices like NumPy", () => {
    expect(slice(arange(10), [[2, -2, 3]]).toArray()).toEqual([2, 5]);
    expect(slice(x, [[1, 3]]).toArray()).toEqual([
      [4, 5, 6, 7],
      [8, 9, 10, 11],
    ]);
    expect(slice(x, [null, [null, null, 2]]).toArray()).toEqual([
      [0, 2],
      [4, 6],
      [8, 10],
    ]);
    expect(slice(x, [-1]).toArray()).toEqual([8, 9, 10, 11]);
    expect(slice(x, [1, -1]).toArray()).toBe(7);
    // out-of-range bounds are clipped, empty ranges give empty axes
    expect(
      slice(x, [
        [-100, 100],
        [3, 1],
      ]).shape,
    ).toEqual([3, 0]);
  });

  it("sends the gradient to the sliced positions and 0 elsewhere", () => {
    const w = arange(5).requiresGrad_();
    slice(w, [[1, null, 2]])
      .sum()
      .backward();
    expect(w.grad?.toArray()).toEqual([0, 1, 0, 1, 0]);
  });

  it("rejects bad indices, steps and too many ranges", () => {
    expect(() => slice(x, [3])).toThrow(ArgumentError);
    expect(() => slice(x, [3])).toThrow("slice: index 3 is out of range for axis 0 of size 3");
    expect(() => slice(x, [[0, 2, 0]])).toThrow(
      "slice: step must be a positive integer, got 0 on axis 0",
    );
    expect(() => slice(x, [[0.5, 2]])).toThrow(
      "slice: slice bounds must be integers, got 0.5 on axis 0",
    );
    expect(() => slice(x, [null, null, null])).toThrow(
      "slice: 3 ranges given for a tensor of rank 2 (shape [3, 4])",
    );
  });
});

describe("sliceScatter", () => {
  it("writes src into the selected part of a copy", () => {
    expect(sliceScatter(zeros([4]), ones([2]), [[1, 3]]).toArray()).toEqual([0, 1, 1, 0]);
    const base = zeros([2, 3]);
    expect(sliceScatter(base, tensor([7, 8, 9]), [1]).toArray()).toEqual([
      [0, 0, 0],
      [7, 8, 9],
    ]);
    expect(base.toArray()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it("splits the gradient between base (outside) and src (inside)", () => {
    const b = zeros([4]).requiresGrad_();
    const s = zeros([2]).requiresGrad_();
    sliceScatter(b, s, [[0, 4, 2]])
      .mul(tensor([1, 2, 3, 4]))
      .sum()
      .backward();
    expect(b.grad?.toArray()).toEqual([0, 2, 0, 4]);
    expect(s.grad?.toArray()).toEqual([1, 3]);
  });

  it("checks the shape of src", () => {
    expect(() => sliceScatter(zeros([4]), ones([3]), [[1, 3]])).toThrow(ShapeError);
    expect(() => sliceScatter(zeros([4]), ones([3]), [[1, 3]])).toThrow(
      "sliceScatter: src has shape [3] but the selected part has shape [2]",
    );
  });
});
