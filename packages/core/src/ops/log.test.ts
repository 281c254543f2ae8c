import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { log } from "./log.js";

const f64 = { dtype: "float64" } as const;

describe("log", () => {
  it("is ln: ln 1 = 0, ln e = 1, ln 0 = −∞, ln(−1) = NaN", () => {
    const [a, b, c, d] = log(tensor([1, Math.E, 0, -1], f64)).data();
    expect(a).toBe(0);
    expect(b).toBe(1);
    expect(c).toBe(-Infinity);
    expect(d).toBeNaN();
    expect(log(tensor([8], { dtype: "int32" })).dtype).toBe("float32");
  });

  it("has derivative 1/x", () => {
    expect(grad((x) => log(x).sum())(tensor([1, 2, 4], f64)).toArray()).toEqual([1, 0.5, 0.25]);
  });
});
