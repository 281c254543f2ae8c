import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { amax } from "./amax.js";
import { amin } from "./amin.js";

const f64 = { dtype: "float64" } as const;
// Expected values below are what PyTorch 1.13 gives for torch.amax / torch.amin.
const x = tensor(
  [
    [1, 7, 7, 2],
    [3, -1, 3, 0.5],
  ],
  f64,
);

describe("amax and amin", () => {
  it("reduce one axis, several, or all, with keepDims", () => {
    expect(amax(x, 1).toArray()).toEqual([7, 3]);
    expect(amin(x, 0).toArray()).toEqual([1, -1, 3, 0.5]);
    expect(amax(x).item()).toBe(7);
    expect(amin(x, [0, -1]).item()).toBe(-1);
    expect(amax(x, -1, true).toArray()).toEqual([[7], [3]]);
    expect(amin(x, undefined, true).shape).toEqual([1, 1]);
    expect(x.amax(0).toArray()).toEqual([3, 7, 7, 2]);
    expect(x.amin([1], true).toArray()).toEqual([[1], [-1]]);
  });

  it("split the gradient evenly among tied extremes (PyTorch's amax rule)", () => {
    const g = grad((t) =>
      amax(t, 1)
        .mul(tensor([1, 2], f64))
        .sum(),
    )(x);
    expect(g.toArray()).toEqual([
      [0, 0.5, 0.5, 0],
      [1, 0, 1, 0],
    ]);
    const h = grad((t) => amin(t))(x);
    expect(h.toArray()).toEqual([
      [0, 0, 0, 0],
      [0, 1, 0, 0],
    ]);
  });

  it("propagate NaN and keep int32 as int32", () => {
    expect(amax(tensor([1, Number.NaN, 3], f64)).item()).toBeNaN();
    expect(amin(tensor([1, Number.NaN, 3], f64)).item()).toBeNaN();
    const i = amax(
      tensor(
        [
          [1, 5],
          [7, 2],
        ],
        { dtype: "int32" },
      ),
      1,
    );
    expect(i.dtype).toBe("int32");
    expect(i.toArray()).toEqual([5, 7]);
  });

  it("reject empty axes and bad axes, naming the function", () => {
    expect(() => amax(zeros([2, 0]), 1)).toThrow(ArgumentError);
    expect(() => amax(zeros([2, 0]), 1)).toThrow(
      "amax: cannot reduce the empty axis 1 of a tensor of shape [2, 0]",
    );
    expect(() => amin(zeros([0]))).toThrow(/^amin: cannot reduce the empty axis 0/);
    expect(amax(zeros([2, 0]), 0).shape).toEqual([0]);
    expect(() => amax(x, 2)).toThrow(/^amax: axis 2 is out of range/);
    expect(() => amin(x, [0, 0])).toThrow(/^amin: axis 0 appears more than once/);
    expect(() => amax(x, 0, "yes" as unknown as boolean)).toThrow(/^amax: keepDims must be/);
  });
});
