import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError } from "../errors.js";
import { tensor } from "../tensor/create.js";
import { isfinite } from "./isfinite.js";
import { isinf } from "./isinf.js";
import { isnan } from "./isnan.js";
import { logit } from "./logit.js";
import { nanToNum } from "./nanToNum.js";

const f64 = { dtype: "float64" } as const;
const special = [1, Number.NaN, Infinity, -Infinity, -0];

describe("isnan, isinf, isfinite", () => {
  it("give int32 0/1 masks", () => {
    const x = tensor(special, f64);
    expect(isnan(x).toArray()).toEqual([0, 1, 0, 0, 0]);
    expect(isinf(x).toArray()).toEqual([0, 0, 1, 1, 0]);
    expect(isfinite(x).toArray()).toEqual([1, 0, 0, 0, 1]);
    expect(isnan(x).dtype).toBe("int32");
    expect(isfinite(x).requiresGrad).toBe(false);
  });
});

describe("nanToNum", () => {
  it("uses PyTorch's defaults: 0 and the dtype's largest finite values", () => {
    expect(nanToNum(tensor(special, f64)).toArray()).toEqual([
      1,
      0,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      -0,
    ]);
    const f32 = nanToNum(tensor([Infinity], { dtype: "float32" })).item();
    expect(f32).toBe(3.4028234663852886e38);
  });

  it("takes replacements and passes the gradient only where x is finite", () => {
    const opts = { nan: -1, posinf: 9, neginf: -9 };
    expect(nanToNum(tensor(special, f64), opts).toArray()).toEqual([1, -1, 9, -9, -0]);
    const g = grad((x) => nanToNum(x, opts).sum())(tensor(special, f64));
    expect(g.toArray()).toEqual([1, 0, 0, 0, 1]);
  });

  it("rejects a non-number replacement, naming the option", () => {
    // @ts-expect-error a string replacement is a type error too
    expect(() => nanToNum(tensor([1]), { nan: "0" })).toThrow(/nanToNum: options\.nan/);
    // @ts-expect-error as above
    expect(() => nanToNum(tensor([1]), { nan: "0" })).toThrow(ArgumentError);
  });
});

describe("logit", () => {
  it("is log(x/(1 − x)), clamped to [eps, 1 − eps] when eps is given", () => {
    const [a, b] = logit(tensor([0.5, 0.75], f64)).data();
    expect(a).toBe(0);
    expect(b).toBeCloseTo(Math.log(3), 15);
    const [lo, hi] = logit(tensor([0, 1], f64), { eps: 1e-6 }).data();
    expect(lo).toBeCloseTo(Math.log(1e-6 / (1 - 1e-6)), 12);
    // 1 − eps is rounded, and 1 − (1 − eps) keeps that rounding, in PyTorch as here
    const top = 1 - 1e-6;
    expect(hi).toBeCloseTo(Math.log(top / (1 - top)), 12);
    expect(logit(tensor([0, 1], f64)).toArray()).toEqual([-Infinity, Infinity]);
  });

  it("has gradient 1/(x(1 − x)), 0 where eps clamps", () => {
    const g = grad((x) => logit(x, { eps: 0.1 }).sum())(tensor([0.5, 0.05], f64));
    expect(g.toArray()).toEqual([4, 0]);
  });

  it("rejects eps outside [0, 0.5]", () => {
    expect(() => logit(tensor([0.5]), { eps: 0.7 })).toThrow(/logit: eps must be .* got 0.7/);
    expect(() => logit(tensor([0.5]), { eps: Number.NaN })).toThrow(ArgumentError);
  });
});
