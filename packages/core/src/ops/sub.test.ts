import { describe, expect, it } from "vitest";
import { ShapeError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { sub } from "./sub.js";

describe("sub", () => {
  it("subtracts with broadcasting, numbers on either side", () => {
    expect(sub(tensor([[5], [7]]), tensor([1, 2])).toArray()).toEqual([
      [4, 3],
      [6, 5],
    ]);
    expect(sub(10, tensor([1, 2])).toArray()).toEqual([9, 8]);
    expect(sub(tensor([1, 2]), 1).toArray()).toEqual([0, 1]);
  });

  it("gives −1 times the gradient to the second input", () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor(3, { requiresGrad: true });
    sub(a, b).sum().backward();
    expect(a.grad?.toArray()).toEqual([1, 1]);
    expect(b.grad?.item()).toBe(-2);
  });

  it("throws a ShapeError naming sub", () => {
    expect(() => sub(zeros([3]), zeros([2]))).toThrow(/^sub: shapes \[3\] and \[2\]/);
    expect(() => sub(zeros([3]), zeros([2]))).toThrow(ShapeError);
  });

  it("∞ − ∞ is NaN, not an error", () => {
    expect(sub(tensor([Infinity]), tensor([Infinity])).item()).toBeNaN();
  });
});
