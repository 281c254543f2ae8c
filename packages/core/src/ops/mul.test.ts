import { describe, expect, it } from "vitest";
import { DTypeError } from "../errors.js";
import { tensor } from "../tensor/create.js";
import { mul } from "./mul.js";

describe("mul", () => {
  it("multiplies with broadcasting", () => {
    expect(
      mul(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        tensor([10, 100]),
      ).toArray(),
    ).toEqual([
      [10, 200],
      [30, 400],
    ]);
  });

  it("int32 · int32 stays int32; int32 · a fractional number gives float32", () => {
    const i = tensor([3, 4], { dtype: "int32" });
    expect(mul(i, 2).dtype).toBe("int32");
    expect(mul(i, 2).toArray()).toEqual([6, 8]);
    const h = mul(i, 0.5);
    expect(h.dtype).toBe("float32");
    expect(h.toArray()).toEqual([1.5, 2]);
  });

  it("float64 · float32 is a DTypeError naming mul", () => {
    expect(() => mul(tensor([1], { dtype: "float64" }), tensor([1]))).toThrow(DTypeError);
    expect(() => mul(tensor([1], { dtype: "float64" }), tensor([1]))).toThrow(
      /^mul: cannot mix float64 and float32/,
    );
  });

  it("∂(ab)/∂a = b and ∂(ab)/∂b = a, summed over broadcast axes", () => {
    const a = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { requiresGrad: true },
    );
    const b = tensor([10, 100], { requiresGrad: true });
    mul(a, b).sum().backward();
    expect(a.grad?.toArray()).toEqual([
      [10, 100],
      [10, 100],
    ]);
    expect(b.grad?.toArray()).toEqual([4, 6]);
  });

  it("0 · ∞ is NaN", () => {
    expect(mul(tensor([0]), tensor([Infinity])).item()).toBeNaN();
  });
});
