import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { DTypeError, GraphError, ShapeError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { eq, ge, gt, le, lt, ne } from "./index.js";

describe("comparisons", () => {
  const a = tensor([1, 2, 3]);
  const b = tensor([2, 2, 2]);

  it("return int32 0/1 with broadcasting", () => {
    expect(eq(a, b).toArray()).toEqual([0, 1, 0]);
    expect(ne(a, b).toArray()).toEqual([1, 0, 1]);
    expect(lt(a, b).toArray()).toEqual([1, 0, 0]);
    expect(le(a, b).toArray()).toEqual([1, 1, 0]);
    expect(gt(a, b).toArray()).toEqual([0, 0, 1]);
    expect(ge(a, b).toArray()).toEqual([0, 1, 1]);
    expect(lt(a, 2).dtype).toBe("int32");
    expect(eq(tensor([[1], [2]]), a).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });

  it("treat NaN as unequal to everything, itself included", () => {
    const n = tensor([Number.NaN]);
    expect([eq(n, n), ne(n, n), lt(n, 0), ge(n, 0)].map((t) => t.item())).toEqual([0, 1, 0, 0]);
    expect(gt(tensor([Infinity]), 1e30).item()).toBe(1);
  });

  it("compare int32 with float", () => {
    expect(lt(tensor([1, 2], { dtype: "int32" }), tensor([1.5, 1.5])).toArray()).toEqual([1, 0]);
  });

  it("carry no gradient: backward through one is a GraphError that names the op", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = gt(x, 1);
    expect(y.requiresGrad).toBe(false);
    expect(() => y.sum().backward()).toThrow(GraphError);
    expect(() => y.backward(tensor([1, 1], { dtype: "int32" }))).toThrow(
      /^backward: this tensor does not require grad: it was computed through gt/,
    );
  });

  it("check shapes and dtypes", () => {
    expect(() => eq(zeros([2]), zeros([3]))).toThrow(ShapeError);
    expect(() => le(zeros([2]), zeros([2], { dtype: "float64" }))).toThrow(
      /^le: cannot mix float32 and float64/,
    );
    expect(() => le(zeros([2]), zeros([2], { dtype: "float64" }))).toThrow(DTypeError);
  });
});

describe("comparisons under grad", () => {
  it("grad of a function that depends on x only through a comparison is zero, not an error", () => {
    // a comparison is piecewise constant: its derivative is 0 wherever it exists (JAX agrees)
    const g = grad((t) => t.gt(0).float().mul(t.detach()).sum())(tensor([1, -2, 3]));
    expect(Array.from(g.data())).toEqual([0, 0, 0]);
  });
});
