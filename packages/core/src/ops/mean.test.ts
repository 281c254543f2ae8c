import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError } from "../errors.js";
import { arange, tensor, zeros } from "../tensor/create.js";
import { mean } from "./mean.js";

describe("mean", () => {
  it("averages over axes", () => {
    const x = arange(6, undefined, 1, { dtype: "float64" }).reshape([2, 3]);
    expect(mean(x).item()).toBe(2.5);
    expect(mean(x, 1).toArray()).toEqual([1, 4]);
    expect(mean(x, 0, true).toArray()).toEqual([[1.5, 2.5, 3.5]]);
  });

  it("of int32 is float32; of nothing is NaN", () => {
    const m = mean(tensor([1, 2], { dtype: "int32" }));
    expect(m.dtype).toBe("float32");
    expect(m.item()).toBe(1.5);
    expect(mean(zeros([0])).item()).toBeNaN();
  });

  it("has gradient 1/n", () => {
    expect(grad((x) => mean(x))(tensor([1, 2, 3, 4])).toArray()).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("rejects a bad axis", () => {
    expect(() => mean(zeros([2]), 1)).toThrow(ArgumentError);
    expect(() => mean(zeros([2]), 1)).toThrow(/^sum: axis 1 is out of range|^mean: axis 1/);
  });
});
