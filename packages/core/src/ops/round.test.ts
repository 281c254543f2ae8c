import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { ceil } from "./ceil.js";
import { floor } from "./floor.js";
import { frac } from "./frac.js";
import { round } from "./round.js";
import { trunc } from "./trunc.js";

const f64 = { dtype: "float64" } as const;

describe("round, floor, ceil, trunc, frac", () => {
  it("round takes halves to the even integer, as torch.round", () => {
    const x = tensor([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, -2.6, 1e300], f64);
    expect(round(x).toArray()).toEqual([0, 2, 2, -0, -2, -2, 2, -3, 1e300]);
    expect(Object.is(round(tensor([-0.4], f64)).item(), -0)).toBe(true);
  });

  it("floor, ceil and trunc differ on negatives", () => {
    const x = tensor([-1.5, -0.2, 0.2, 1.5], f64);
    expect(floor(x).toArray()).toEqual([-2, -1, 0, 1]);
    expect(ceil(x).toArray()).toEqual([-1, -0, 1, 2]);
    expect(trunc(x).toArray()).toEqual([-1, -0, 0, 1]);
    expect(frac(tensor([-1.25, 2.5, 3], f64)).toArray()).toEqual([-0.25, 0.5, 0]);
  });

  it("keeps NaN and ±Infinity, and int32 stays int32", () => {
    const r = Array.from(round(tensor([Number.NaN, Infinity, -Infinity], f64)).data());
    expect(r[0]).toBeNaN();
    expect(r.slice(1)).toEqual([Infinity, -Infinity]);
    expect(floor(tensor([3], { dtype: "int32" })).dtype).toBe("int32");
  });

  it("has zero gradient (frac: one), as PyTorch", () => {
    for (const f of [round, floor, ceil, trunc]) {
      expect(grad((x) => f(x).sum())(tensor([0.3, -1.7], f64)).toArray()).toEqual([0, 0]);
    }
    expect(grad((x) => frac(x).sum())(tensor([0.3, -1.7], f64)).toArray()).toEqual([1, 1]);
  });
});
