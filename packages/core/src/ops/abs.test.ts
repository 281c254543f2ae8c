import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { abs } from "./abs.js";

describe("abs", () => {
  it("keeps the dtype and propagates NaN", () => {
    const i = abs(tensor([-3, 2], { dtype: "int32" }));
    expect(i.dtype).toBe("int32");
    expect(i.toArray()).toEqual([3, 2]);
    expect(abs(tensor([-Infinity, Number.NaN])).data()[0]).toBe(Infinity);
    expect(abs(tensor([Number.NaN])).item()).toBeNaN();
  });

  it("has derivative sign(x), 0 at the kink", () => {
    expect(grad((x) => abs(x).sum())(tensor([-2, 0, 3])).toArray()).toEqual([-1, 0, 1]);
  });
});
