import { describe, expect, it } from "vitest";
import { tensor } from "../tensor/create.js";
import { div } from "./div.js";

const f64 = { dtype: "float64" } as const;

describe("div", () => {
  it("divides with broadcasting", () => {
    expect(
      div(
        tensor(
          [
            [2, 4],
            [6, 8],
          ],
          f64,
        ),
        tensor([2, 4], f64),
      ).toArray(),
    ).toEqual([
      [1, 1],
      [3, 2],
    ]);
  });

  it("int32 / int32 is true division in float32", () => {
    const y = div(tensor([7, -7], { dtype: "int32" }), tensor([2, 2], { dtype: "int32" }));
    expect(y.dtype).toBe("float32");
    expect(y.toArray()).toEqual([3.5, -3.5]);
  });

  it("division by zero gives ±Infinity and 0/0 gives NaN, without throwing", () => {
    const [a, b, c] = div(tensor([1, -1, 0], f64), tensor([0, 0, 0], f64)).data();
    expect(a).toBe(Infinity);
    expect(b).toBe(-Infinity);
    expect(c).toBeNaN();
  });

  it("∂(a/b)/∂a = 1/b and ∂(a/b)/∂b = −a/b²", () => {
    const a = tensor([3, 5], { ...f64, requiresGrad: true });
    const b = tensor([2, -4], { ...f64, requiresGrad: true });
    div(a, b).sum().backward();
    expect(a.grad?.toArray()).toEqual([0.5, -0.25]);
    expect(b.grad?.toArray()).toEqual([-3 / 4, -5 / 16]);
  });
});
