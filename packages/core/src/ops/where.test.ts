import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { DTypeError, ShapeError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { where } from "./where.js";

describe("where", () => {
  it("picks a where the condition is non-zero and b elsewhere, broadcasting all three", () => {
    const c = tensor([[1], [0]], { dtype: "int32" });
    expect(where(c, tensor([1, 2, 3]), -1).toArray()).toEqual([
      [1, 2, 3],
      [-1, -1, -1],
    ]);
    expect(where(tensor([1, 0], { dtype: "int32" }), 5, 6).toArray()).toEqual([5, 6]);
    expect(where(tensor([1, 0]).gt(0), tensor([Number.NaN, 1]), 0).data()[0]).toBeNaN();
  });

  it("gives the gradient to a where the condition holds and to b elsewhere", () => {
    const c = tensor([1, 0, 1], { dtype: "int32" });
    const [ga, gb] = grad((a, b) => where(c, a, b).sum(), { argnums: [0, 1] })(
      tensor([1, 2, 3]),
      tensor(0),
    );
    expect(ga?.toArray()).toEqual([1, 0, 1]);
    expect(gb?.item()).toBe(1);
  });

  it("throws for shapes that do not broadcast and for mixed float dtypes", () => {
    expect(() => where(zeros([2], { dtype: "int32" }), zeros([3]), 0)).toThrow(ShapeError);
    expect(() => where(zeros([2], { dtype: "int32" }), zeros([3]), 0)).toThrow(
      /^where: shapes \[2\] and \[3\] and \[\] cannot be broadcast together/,
    );
    expect(() => where(1, zeros([1]), zeros([1], { dtype: "float64" }))).toThrow(DTypeError);
  });
});
