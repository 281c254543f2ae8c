import { describe, expect, it } from "vitest";
import { tensor } from "../tensor/create.js";
import { neg } from "./neg.js";

describe("neg", () => {
  it("negates and keeps the dtype (int32 too)", () => {
    expect(neg(tensor([1, -2, 0])).toArray()).toEqual([-1, 2, -0]);
    const i = neg(tensor([3], { dtype: "int32" }));
    expect(i.dtype).toBe("int32");
    expect(i.toArray()).toEqual([-3]);
  });

  it("has gradient −1 and passes NaN through", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    neg(x).sum().backward();
    expect(x.grad?.toArray()).toEqual([-1, -1]);
    expect(neg(tensor([Number.NaN])).item()).toBeNaN();
  });
});
