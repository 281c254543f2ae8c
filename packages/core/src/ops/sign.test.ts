import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { sign } from "./sign.js";

describe("sign", () => {
  it("is −1, 0 or 1 (NaN stays NaN)", () => {
    const [a, b, c, d] = sign(tensor([-2.5, 0, 7, Number.NaN])).data();
    expect([a, b, c]).toEqual([-1, 0, 1]);
    expect(d).toBeNaN();
    expect(sign(tensor([-4], { dtype: "int32" })).dtype).toBe("int32");
  });

  it("has a zero gradient", () => {
    expect(grad((x) => sign(x).sum())(tensor([-1, 2])).toArray()).toEqual([0, 0]);
  });
});
