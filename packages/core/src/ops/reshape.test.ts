import { describe, expect, it } from "vitest";
import { ArgumentError, ShapeError } from "../errors.js";
import { arange, tensor, zeros } from "../tensor/create.js";
import { flatten, reshape, squeeze, unsqueeze } from "./reshape.js";

describe("reshape, flatten, squeeze, unsqueeze", () => {
  const x = arange(6);

  it("reshape keeps row-major order and infers one -1", () => {
    expect(reshape(x, [2, 3]).toArray()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(reshape(x, [-1, 2]).shape).toEqual([3, 2]);
    expect(reshape(tensor(5), [1, 1]).toArray()).toEqual([[5]]);
    expect(reshape(zeros([0, 3]), [3, 0]).shape).toEqual([3, 0]);
    // with 0 elements a -1 is ambiguous (as in PyTorch)
    expect(() => reshape(zeros([0, 3]), [3, -1, 0])).toThrow(ShapeError);
  });

  it("reshape is a view that shares storage, and the gradient is reshaped back", () => {
    const w = arange(6).requiresGrad_();
    const r = reshape(w, [3, 2]);
    expect(r.gradFn).toBe("reshape");
    r.mul(tensor([1, 2]))
      .sum()
      .backward();
    expect(w.grad?.toArray()).toEqual([1, 2, 1, 2, 1, 2]);
  });

  it("reshape errors name the shapes and element counts", () => {
    expect(() => reshape(x, [4, 2])).toThrow(ShapeError);
    expect(() => reshape(x, [4, 2])).toThrow(
      "reshape: cannot reshape [6] (6 elements) into [4, 2] (8 elements)",
    );
    expect(() => reshape(x, [-1, 4])).toThrow(
      "reshape: cannot reshape [6] (6 elements) into [-1, 4]",
    );
    expect(() => reshape(x, [-1, -1])).toThrow(
      "reshape: only one dimension can be -1, got [-1, -1]",
    );
    expect(() => reshape(x, [2.5, 2])).toThrow(ArgumentError);
  });

  it("flatten merges a range of axes", () => {
    const t = zeros([2, 3, 4]);
    expect(flatten(t).shape).toEqual([24]);
    expect(flatten(t, 1).shape).toEqual([2, 12]);
    expect(flatten(t, 0, 1).shape).toEqual([6, 4]);
    expect(flatten(tensor(1)).shape).toEqual([1]);
    expect(() => flatten(t, 2, 1)).toThrow(
      "flatten: invalid axes startAxis=2, endAxis=1 for rank 3",
    );
  });

  it("squeeze removes size-1 axes (all or chosen); unsqueeze adds one", () => {
    const t = zeros([1, 3, 1]);
    expect(squeeze(t).shape).toEqual([3]);
    expect(squeeze(t, 0).shape).toEqual([3, 1]);
    expect(squeeze(t, -1).shape).toEqual([1, 3]);
    expect(squeeze(t, 1).shape).toEqual([1, 3, 1]);
    expect(unsqueeze(zeros([3]), 0).shape).toEqual([1, 3]);
    expect(unsqueeze(zeros([3]), -1).shape).toEqual([3, 1]);
    expect(() => squeeze(t, 3)).toThrow("squeeze: axis 3 is out of range for a tensor of rank 3");
    expect(() => unsqueeze(zeros([3]), 2)).toThrow(
      "unsqueeze: axis 2 is out of range for a result of rank 2",
    );
  });
});
