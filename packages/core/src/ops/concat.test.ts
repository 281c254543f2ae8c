import { describe, expect, it } from "vitest";
import { ArgumentError, DTypeError, ShapeError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { concat, stack } from "./concat.js";

describe("concat and stack", () => {
  const a = tensor([[1, 2]]);
  const b = tensor([
    [3, 4],
    [5, 6],
  ]);

  it("concat joins along an existing axis (negative axes too)", () => {
    expect(concat([a, b]).toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(concat([b, b], -1).toArray()).toEqual([
      [3, 4, 3, 4],
      [5, 6, 5, 6],
    ]);
    expect(concat([a])).toBe(a);
    expect(concat([zeros([0, 2]), a]).shape).toEqual([1, 2]);
  });

  it("stack joins along a new axis", () => {
    expect(stack([tensor([1, 2]), tensor([3, 4])]).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(stack([tensor([1, 2]), tensor([3, 4])], -1).toArray()).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(stack([tensor(1), tensor(2)]).toArray()).toEqual([1, 2]);
  });

  it("hands each input its slice of the gradient", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = tensor([3], { requiresGrad: true });
    concat([x, y])
      .mul(tensor([10, 20, 30]))
      .sum()
      .backward();
    expect(x.grad?.toArray()).toEqual([10, 20]);
    expect(y.grad?.toArray()).toEqual([30]);
  });

  it("reports mismatched shapes, scalars, empty lists and mixed float dtypes", () => {
    expect(() => concat([a, zeros([1, 3])])).toThrow(ShapeError);
    expect(() => concat([a, zeros([1, 3])])).toThrow(
      "concat: tensor 1 has shape [1, 3], which does not match [1, 2] outside axis 0",
    );
    expect(() => concat([tensor(1), tensor(2)])).toThrow(
      "concat: cannot concatenate scalars; use stack",
    );
    expect(() => concat([])).toThrow(ArgumentError);
    expect(() => stack([])).toThrow("stack: needs at least one tensor");
    expect(() => stack([zeros([2]), zeros([3])])).toThrow(
      "stack: tensor 1 has shape [3] but tensor 0 has shape [2]",
    );
    expect(() => concat([a, a], 2)).toThrow(/^concat: axis 2 is out of range/);
    expect(() => concat([a, tensor([[1, 2]], { dtype: "float64" })])).toThrow(DTypeError);
  });
});
