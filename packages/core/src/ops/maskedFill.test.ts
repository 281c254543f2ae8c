import { describe, expect, it } from "vitest";
import { DTypeError, ShapeError } from "../errors.js";
import { tensor } from "../tensor/create.js";
import { maskedFill } from "./maskedFill.js";

const i32 = (v: number[] | number[][]) => tensor(v, { dtype: "int32" });

describe("maskedFill", () => {
  const x = tensor([
    [1, -2],
    [-3, 4],
  ]);

  it("puts the value where the mask is set (any non-zero entry), keeps x elsewhere", () => {
    expect(maskedFill(x, x.lt(0), 0).toArray()).toEqual([
      [1, 0],
      [0, 4],
    ]);
    expect(
      maskedFill(
        x,
        i32([
          [2, 0],
          [0, -1],
        ]),
        9,
      ).toArray(),
    ).toEqual([
      [9, -2],
      [-3, 9],
    ]);
    expect(
      maskedFill(
        x,
        [
          [1, 0],
          [0, 0],
        ],
        Number.NEGATIVE_INFINITY,
      ).toArray(),
    ).toEqual([
      [Number.NEGATIVE_INFINITY, -2],
      [-3, 4],
    ]);
  });

  it("broadcasts the mask (a row or a column of a matrix), as PyTorch's out-of-place masked_fill", () => {
    expect(maskedFill(x, i32([0, 1]), 7).toArray()).toEqual([
      [1, 7],
      [-3, 7],
    ]);
    expect(maskedFill(x, i32([[1], [0]]), 7).toArray()).toEqual([
      [7, 7],
      [-3, 4],
    ]);
    expect(
      maskedFill(
        tensor([1, 2]),
        i32([
          [1, 0],
          [0, 1],
        ]),
        0,
      ).toArray(),
    ).toEqual([
      [0, 2],
      [1, 0],
    ]);
  });

  it("keeps x's dtype: a fractional value truncates into an int32 tensor, as PyTorch", () => {
    const n = i32([5, 6, 7]);
    const y = maskedFill(n, i32([1, 0, 1]), 2.7);
    expect(y.dtype).toBe("int32");
    expect(y.toArray()).toEqual([2, 6, 2]);
    const d = maskedFill(tensor([1, 2], { dtype: "float64" }), i32([0, 1]), 0.1);
    expect(d.dtype).toBe("float64");
    expect(d.toArray()).toEqual([1, 0.1]);
  });

  it("gradient: x gets g where not filled; a 0-d tensor value gets the sum of g where filled", () => {
    const xs = tensor([1, 2, 3, 4], { requiresGrad: true });
    const v = tensor(5, { requiresGrad: true });
    maskedFill(xs, i32([1, 0, 1, 1]), v)
      .mul(tensor([1, 10, 100, 1000]))
      .sum()
      .backward();
    expect(xs.grad?.toArray()).toEqual([0, 10, 0, 0]);
    expect(v.grad?.toArray()).toEqual(1101);
  });

  it("rejects a float mask, a value that is not a number or 0-d tensor, and shapes that do not broadcast", () => {
    expect(() => maskedFill(x, x.gt(0).float(), 0)).toThrow(DTypeError);
    expect(() => maskedFill(x, x.gt(0).float(), 0)).toThrow(
      "maskedFill: mask must be int32 (0/1, as comparisons return), got float32 of shape [2, 2]",
    );
    expect(() => maskedFill(x, i32([1, 0, 1]), 0)).toThrow(ShapeError);
    expect(() => maskedFill(x, i32([1, 0, 1]), 0)).toThrow(
      "maskedFill: mask of shape [3] does not broadcast with x of shape [2, 2]",
    );
    expect(() => maskedFill(x, x.gt(0), tensor([1, 2]))).toThrow(
      "maskedFill: value must be a number or a 0-d tensor, got a tensor of shape [2]",
    );
    expect(() => maskedFill(x, x.gt(0), [1] as unknown as number)).toThrow(
      "maskedFill: value must be a number or a 0-d Tensor, got",
    );
  });

  it("is a Tensor method", () => {
    expect(x.maskedFill(x.gt(0), -1).toArray()).toEqual([
      [-1, -2],
      [-3, -1],
    ]);
  });
});
