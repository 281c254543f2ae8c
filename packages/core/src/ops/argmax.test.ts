import { describe, expect, it } from "vitest";
import { ArgumentError, GraphError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { argmax } from "./argmax.js";
import { argmin } from "./argmin.js";

describe("argmax and argmin", () => {
  const x = tensor([
    [1, 9, 9],
    [7, 0, 0],
  ]);

  it("return int32 indices over the flattened tensor or along an axis", () => {
    const i = argmax(x);
    expect(i.dtype).toBe("int32");
    expect(i.shape).toEqual([]);
    expect(i.item()).toBe(1);
    expect(argmin(x).item()).toBe(4);
    expect(argmax(x, 1).toArray()).toEqual([1, 0]);
    expect(argmin(x, 0).toArray()).toEqual([0, 1, 1]);
    expect(argmax(x, -1, true).toArray()).toEqual([[1], [0]]);
    expect(argmax(x, undefined, true).shape).toEqual([1, 1]);
  });

  it("pick the first index on ties and treat NaN as the extreme", () => {
    expect(argmax(tensor([3, 3, 1])).item()).toBe(0);
    expect(argmax(tensor([1, Number.NaN, 5])).item()).toBe(1);
    expect(argmin(tensor([1, Number.NaN, -5])).item()).toBe(1);
  });

  it("record no gradient, and backward says so, suggesting softmax", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const i = argmax(w, 0);
    expect(i.requiresGrad).toBe(false);
    expect(() => i.backward(tensor(1, { dtype: "int32" }))).toThrow(GraphError);
    expect(() => i.backward(tensor(1, { dtype: "int32" }))).toThrow(
      /^backward: argmax is not differentiable.*softmax/,
    );
  });

  it("reject empty axes and bad axes", () => {
    expect(() => argmax(zeros([0]))).toThrow(
      "argmax: cannot reduce an empty axis of a tensor of shape [0]",
    );
    expect(() => argmin(zeros([2]), 3)).toThrow(ArgumentError);
    expect(() => argmin(zeros([2]), 3)).toThrow(/^argmin: axis 3 is out of range/);
  });
});
