import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ShapeError } from "../errors.js";
import { ones, tensor, zeros } from "../tensor/create.js";
import { dot } from "./dot.js";

const f64 = { dtype: "float64" } as const;

describe("dot", () => {
  it("is Σ aᵢbᵢ as a 0-d tensor (hand-computed)", () => {
    const d = dot(tensor([1, 2, 3], f64), tensor([4, -5, 6], f64));
    expect(d.shape).toEqual([]);
    expect(d.item()).toBe(12);
    expect(
      tensor([1, 2], { dtype: "int32" })
        .dot(tensor([3, 4], { dtype: "int32" }))
        .item(),
    ).toBe(11);
    expect(dot(zeros([0]), zeros([0])).item()).toBe(0);
  });

  it("has gradients b and a, and the second derivative of dot(x, x) is 2", () => {
    const a = tensor([1, 2, 3], f64);
    const b = tensor([4, 5, 6], f64);
    const [ga, gb] = grad((x, y) => dot(x, y), { argnums: [0, 1] })(a, b);
    expect(ga?.toArray()).toEqual([4, 5, 6]);
    expect(gb?.toArray()).toEqual([1, 2, 3]);
    // d/dx Σ ∂(x·x)/∂xᵢ = Σ 2 = 2n
    const g2 = grad((x) => grad((y) => dot(y, y))(x).sum())(a);
    expect(g2.toArray()).toEqual([2, 2, 2]);
  });

  it("refuses non-1-D inputs and unequal lengths, naming both shapes", () => {
    expect(() => dot(ones([2, 2]), ones([2]))).toThrow(ShapeError);
    expect(() => dot(ones([2, 2]), ones([2]))).toThrow(
      /^dot: expected two 1-D tensors, got shapes \[2, 2\] \(2-D\) and \[2\] \(1-D\)/,
    );
    expect(() => dot(3, ones([1]))).toThrow(/^dot: expected two 1-D tensors, got shapes \[\]/);
    expect(() => dot(ones([3]), ones([4]))).toThrow(
      /^dot: the tensors must have the same number of elements, got shapes \[3\] and \[4\]/,
    );
  });
});
