import { describe, expect, it } from "vitest";
import { ArgumentError, DTypeError } from "../errors.js";
import { arange, tensor } from "../tensor/create.js";
import { indexSelect } from "./indexSelect.js";

describe("indexSelect", () => {
  const x = arange(6).reshape([3, 2]);

  it("selects rows or columns, repeats allowed", () => {
    expect(indexSelect(x, 0, tensor([2, 0, 2], { dtype: "int32" })).toArray()).toEqual([
      [4, 5],
      [0, 1],
      [4, 5],
    ]);
    expect(indexSelect(x, -1, tensor([1], { dtype: "int32" })).toArray()).toEqual([[1], [3], [5]]);
  });

  it("accumulates gradients of repeated rows", () => {
    const w = arange(4).reshape([2, 2]).detach().requiresGrad_();
    indexSelect(w, 0, tensor([1, 1], { dtype: "int32" }))
      .sum()
      .backward();
    expect(w.grad?.toArray()).toEqual([
      [0, 0],
      [2, 2],
    ]);
  });

  it("requires a 1-D int32 index in range", () => {
    expect(() => indexSelect(x, 0, tensor([0]))).toThrow(DTypeError);
    expect(() => indexSelect(x, 0, tensor([[0]], { dtype: "int32" }))).toThrow(
      "indexSelect: index must be 1-D, got rank 2",
    );
    expect(() => indexSelect(x, 0, tensor([3], { dtype: "int32" }))).toThrow(ArgumentError);
  });
});
