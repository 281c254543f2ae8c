import { describe, expect, it } from "vitest";
import { ArgumentError } from "../errors.js";
import { arange, tensor } from "../tensor/create.js";
import { permute, transpose } from "./permute.js";

describe("permute and transpose", () => {
  const x = arange(6).reshape([1, 2, 3]);

  it("reorder axes (hand-computed)", () => {
    const y = permute(x, [2, 0, 1]);
    expect(y.shape).toEqual([3, 1, 2]);
    expect(y.toArray()).toEqual([[[0, 3]], [[1, 4]], [[2, 5]]]);
    expect(permute(x, [-1, -3, -2]).toArray()).toEqual(y.toArray());
    expect(
      transpose(
        tensor([
          [1, 2],
          [3, 4],
        ]),
      ).toArray(),
    ).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(transpose(x, 0, 2).shape).toEqual([3, 2, 1]);
    expect(tensor([[1, 2, 3]]).T.shape).toEqual([3, 1]);
  });

  it("return the input itself for the identity permutation", () => {
    expect(permute(x, [0, 1, 2])).toBe(x);
  });

  it("undo the permutation in the gradient", () => {
    const w = arange(6).reshape([2, 3]).detach().requiresGrad_();
    transpose(w)
      .mul(
        tensor([
          [1, 2],
          [3, 4],
          [5, 6],
        ]),
      )
      .sum()
      .backward();
    expect(w.grad?.toArray()).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });

  it("reject wrong lengths, repeats and bad axes", () => {
    expect(() => permute(x, [0, 1])).toThrow(ArgumentError);
    expect(() => permute(x, [0, 1])).toThrow(
      "permute: perm [0, 1] has 2 axes but the tensor has rank 3",
    );
    expect(() => permute(x, [0, 1, 1])).toThrow("permute: perm [0, 1, 1] repeats an axis");
    expect(() => permute(x, [0, 1, 3])).toThrow(/^permute: axis 3 is out of range/);
    expect(() => transpose(x, 0, 5)).toThrow(/^transpose: axis 5 is out of range/);
  });
});
