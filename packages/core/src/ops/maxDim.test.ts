import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { maxDim } from "./maxDim.js";
import { minDim } from "./minDim.js";

const f64 = { dtype: "float64" } as const;
// Expected values below are what PyTorch 1.13 gives for torch.max(x, dim) / torch.min(x, dim).
const x = tensor(
  [
    [1, 7, 7, 2],
    [3, -1, 3, 0.5],
    [Number.NaN, 4, 2, 4],
  ],
  f64,
);

describe("maxDim and minDim", () => {
  it("return values and int32 indices; the first index on ties, NaN as the extreme", () => {
    const { values, indices } = maxDim(x, 1);
    expect(values.toArray()).toEqual([7, 3, Number.NaN]);
    expect(indices.dtype).toBe("int32");
    expect(indices.toArray()).toEqual([1, 0, 0]);
    const m = minDim(x, 0, true);
    expect(m.values.toArray()).toEqual([[Number.NaN, -1, 2, 0.5]]);
    expect(m.indices.toArray()).toEqual([[2, 1, 2, 1]]);
    const neg = x.maxDim(-2);
    expect(neg.indices.toArray()).toEqual([2, 0, 0, 2]);
  });

  it("send the gradient to the returned index only (a scatter into zeros)", () => {
    const g = grad((t) => maxDim(t, 1).values.sum())(x.slice([[0, 2]]));
    expect(g.toArray()).toEqual([
      [0, 1, 0, 0],
      [1, 0, 0, 0],
    ]);
    const h = grad((t) =>
      minDim(t, 0, true)
        .values.mul(tensor([[1, 2, 3, 4]], f64))
        .sum(),
    )(x);
    expect(h.toArray()).toEqual([
      [0, 0, 0, 0],
      [0, 2, 0, 4],
      [1, 0, 3, 0],
    ]);
  });

  it("take a scalar along axis 0 or −1, and keep int32 values int32", () => {
    const s = maxDim(tensor(3, f64), -1);
    expect(s.values.shape).toEqual([]);
    expect(s.values.item()).toBe(3);
    expect(s.indices.item()).toBe(0);
    const i = minDim(
      tensor(
        [
          [1, 5],
          [7, 2],
        ],
        { dtype: "int32" },
      ),
      1,
    );
    expect(i.values.dtype).toBe("int32");
    expect(i.values.toArray()).toEqual([1, 2]);
  });

  it("reject a missing, bad or empty axis, naming the function", () => {
    expect(() => maxDim(x, undefined as unknown as number)).toThrow(ArgumentError);
    expect(() => maxDim(x, undefined as unknown as number)).toThrow(
      "maxDim: axis must be an integer, got undefined",
    );
    expect(() => minDim(x, 2)).toThrow(/^minDim: axis 2 is out of range/);
    expect(() => minDim(x, 0.5)).toThrow(/^minDim: axis 0.5 is out of range/);
    expect(() => maxDim(zeros([3, 0]), 1)).toThrow(
      "maxDim: cannot reduce the empty axis 1 of a tensor of shape [3, 0]",
    );
    expect(() => maxDim(x, 0, 1 as unknown as boolean)).toThrow(/^maxDim: keepDims must be/);
  });
});
