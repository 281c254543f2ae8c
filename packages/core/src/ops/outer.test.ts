import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ShapeError } from "../errors.js";
import { ones, tensor } from "../tensor/create.js";
import { outer } from "./outer.js";

const f64 = { dtype: "float64" } as const;

describe("outer", () => {
  it("is aᵢ·bⱼ (hand-computed)", () => {
    expect(outer(tensor([1, -2], f64), tensor([3, 4, 5], f64)).toArray()).toEqual([
      [3, 4, 5],
      [-6, -8, -10],
    ]);
    expect(
      tensor([2], f64)
        .outer(tensor([0.5], f64))
        .toArray(),
    ).toEqual([[1]]);
  });

  it("has gradients Σⱼ Gᵢⱼ bⱼ and Σᵢ Gᵢⱼ aᵢ", () => {
    const a = tensor([1, 2], f64);
    const b = tensor([3, 4, 5], f64);
    const w = tensor(
      [
        [1, 0, -1],
        [2, 1, 0],
      ],
      f64,
    );
    const [ga, gb] = grad((x, y) => outer(x, y).mul(w).sum(), { argnums: [0, 1] })(a, b);
    expect(ga?.toArray()).toEqual([3 - 5, 6 + 4]);
    expect(gb?.toArray()).toEqual([1 + 4, 2, -1]);
  });

  it("refuses inputs that are not 1-D, naming both shapes", () => {
    expect(() => outer(ones([2, 1]), ones([3]))).toThrow(ShapeError);
    expect(() => outer(ones([2]), ones([3, 1]))).toThrow(
      /^outer: expected two 1-D tensors, got shapes \[2\] \(1-D\) and \[3, 1\] \(2-D\)/,
    );
  });
});
