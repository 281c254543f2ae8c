import { describe, expect, it } from "vitest";
import { ArgumentError } from "../errors.js";
import { arange, tensor, zeros } from "../tensor/create.js";
import { sum } from "./sum.js";

describe("sum", () => {
  const x = arange(6).reshape([2, 3]); // [[0, 1, 2], [3, 4, 5]]

  it("reduces all axes, one axis, several axes, negative axes, with keepDims", () => {
    expect(sum(x).toArray()).toBe(15);
    expect(sum(x).shape).toEqual([]);
    expect(sum(x, 0).toArray()).toEqual([3, 5, 7]);
    expect(sum(x, -1).toArray()).toEqual([3, 12]);
    expect(sum(x, 1, true).toArray()).toEqual([[3], [12]]);
    expect(sum(x, [0, 1], true).shape).toEqual([1, 1]);
    expect(sum(x, []).toArray()).toEqual(x.toArray());
  });

  it("of an empty axis is 0; int32 stays int32", () => {
    expect(sum(zeros([0, 2]), 0).toArray()).toEqual([0, 0]);
    const i = sum(tensor([1, 2], { dtype: "int32" }));
    expect(i.dtype).toBe("int32");
    expect(i.item()).toBe(3);
  });

  it("rejects axes out of range and repeated axes, naming sum", () => {
    expect(() => sum(x, 2)).toThrow(ArgumentError);
    expect(() => sum(x, 2)).toThrow(
      "sum: axis 2 is out of range for a tensor of rank 2 (expected an integer in [-2, 1])",
    );
    expect(() => sum(x, [1, -1])).toThrow("sum: axis 1 appears more than once in [1, -1]");
    expect(() => sum(x, 0.5)).toThrow(/sum: axis 0.5 is out of range/);
  });

  it("broadcasts the gradient back over the reduced axes", () => {
    const w = tensor(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { requiresGrad: true },
    );
    sum(w, 0)
      .mul(tensor([1, 10, 100]))
      .sum()
      .backward();
    expect(w.grad?.toArray()).toEqual([
      [1, 10, 100],
      [1, 10, 100],
    ]);
  });

  it("propagates NaN", () => {
    expect(sum(tensor([1, Number.NaN])).item()).toBeNaN();
  });
});
