import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError, ShapeError } from "../errors.js";
import { arange, ones, tensor } from "../tensor/create.js";
import { diagonal } from "./diagonal.js";

const f64 = { dtype: "float64" } as const;
// [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
const m = arange(0, 12, 1, f64).reshape([3, 4]);

describe("diagonal", () => {
  it("takes the main, upper and lower diagonals (hand-read from the matrix)", () => {
    expect(diagonal(m).toArray()).toEqual([0, 5, 10]);
    expect(diagonal(m, 1).toArray()).toEqual([1, 6, 11]);
    expect(diagonal(m, 2).toArray()).toEqual([2, 7]);
    expect(diagonal(m, -1).toArray()).toEqual([4, 9]);
    expect(diagonal(m, -2).toArray()).toEqual([8]);
    expect(m.diagonal(4).shape).toEqual([0]);
    expect(m.diagonal(-3).shape).toEqual([0]);
    // dims swapped reads the transpose's diagonals
    expect(diagonal(m, 1, 1, 0).toArray()).toEqual([4, 9]);
  });

  it("puts the diagonal last and keeps the other axes in order", () => {
    // x[b, i, j] = 100·b + 10·i + j
    const x = tensor(
      [0, 1].map((b) => [0, 1, 2].map((i) => [0, 1, 2].map((j) => 100 * b + 10 * i + j))),
      f64,
    );
    expect(diagonal(x, 0, 1, 2).toArray()).toEqual([
      [0, 11, 22],
      [100, 111, 122],
    ]);
    expect(x.diagonal(0, -2, -1).toArray()).toEqual(diagonal(x, 0, 1, 2).toArray());
    // axes 0 and 2 of size 2 and 3: pairs (0, 0) and (1, 1) for each i
    expect(diagonal(x, 0, 0, 2).toArray()).toEqual([
      [0, 101],
      [10, 111],
      [20, 121],
    ]);
    expect(diagonal(x, 0, 0, 2).shape).toEqual([3, 2]);
  });

  it("sends the gradient onto the diagonal", () => {
    const g = grad((t) =>
      diagonal(t, 1)
        .mul(tensor([1, 2, 3], f64))
        .sum(),
    )(m);
    expect(g.toArray()).toEqual([
      [0, 1, 0, 0],
      [0, 0, 2, 0],
      [0, 0, 0, 3],
    ]);
  });

  it("refuses vectors, equal axes, axes out of range and non-integers", () => {
    expect(() => diagonal(ones([3]))).toThrow(ShapeError);
    expect(() => diagonal(ones([3]))).toThrow(
      /^diagonal: .*at least 2 dimensions, got shape \[3\]/,
    );
    expect(() => diagonal(m, 0, 1, -1)).toThrow(ArgumentError);
    expect(() => diagonal(m, 0, 1, -1)).toThrow(/^diagonal: dim1 and dim2 must be different/);
    expect(() => diagonal(m, 0, 0, 2)).toThrow(/^diagonal: axis 2 is out of range/);
    expect(() => diagonal(m, 0.5)).toThrow(/^diagonal: offset must be an integer, got 0.5/);
  });
});
