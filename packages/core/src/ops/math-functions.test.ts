// Values and first derivatives of the one-input math ops against independent references: JS's
// Math functions (correctly rounded or within an ulp in V8) and hand-derived derivatives.
import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import type { Tensor } from "../tensor/tensor.js";
import { acos } from "./acos.js";
import { acosh } from "./acosh.js";
import { asin } from "./asin.js";
import { asinh } from "./asinh.js";
import { atan } from "./atan.js";
import { atan2 } from "./atan2.js";
import { atanh } from "./atanh.js";
import { cos } from "./cos.js";
import { cosh } from "./cosh.js";
import { erf } from "./erf.js";
import { erfc } from "./erfc.js";
import { exp2 } from "./exp2.js";
import { hypot } from "./hypot.js";
import { lerp } from "./lerp.js";
import { log2 } from "./log2.js";
import { log10 } from "./log10.js";
import { reciprocal } from "./reciprocal.js";
import { rsqrt } from "./rsqrt.js";
import { sin } from "./sin.js";
import { sinh } from "./sinh.js";
import { square } from "./square.js";
import { tan } from "./tan.js";

const f64 = { dtype: "float64" } as const;

type Case = [string, (x: Tensor) => Tensor, (x: number) => number, (x: number) => number, number[]];
const wide = [-2.5, -0.7, 0.3, 1.9];
const unit = [-0.8, -0.1, 0.4, 0.95];
const cases: Case[] = [
  ["sin", sin, Math.sin, Math.cos, wide],
  ["cos", cos, Math.cos, (x) => -Math.sin(x), wide],
  ["tan", tan, Math.tan, (x) => 1 / Math.cos(x) ** 2, [-1.2, 0.3, 1.1]],
  ["sinh", sinh, Math.sinh, Math.cosh, wide],
  ["cosh", cosh, Math.cosh, Math.sinh, wide],
  ["atan", atan, Math.atan, (x) => 1 / (1 + x * x), wide],
  ["asin", asin, Math.asin, (x) => 1 / Math.sqrt(1 - x * x), unit],
  ["acos", acos, Math.acos, (x) => -1 / Math.sqrt(1 - x * x), unit],
  ["asinh", asinh, Math.asinh, (x) => 1 / Math.sqrt(x * x + 1), wide],
  ["acosh", acosh, Math.acosh, (x) => 1 / Math.sqrt(x * x - 1), [1.1, 2, 30]],
  ["atanh", atanh, Math.atanh, (x) => 1 / (1 - x * x), unit],
  ["reciprocal", reciprocal, (x) => 1 / x, (x) => -1 / (x * x), [-2.5, -0.3, 0.7, 4]],
  ["rsqrt", rsqrt, (x) => 1 / Math.sqrt(x), (x) => -0.5 * x ** -1.5, [0.25, 1, 7]],
  ["square", square, (x) => x * x, (x) => 2 * x, wide],
  ["log2", log2, Math.log2, (x) => 1 / (x * Math.LN2), [0.3, 1, 8, 100]],
  ["log10", log10, Math.log10, (x) => 1 / (x * Math.LN10), [0.3, 1, 1000]],
  ["exp2", exp2, (x) => 2 ** x, (x) => 2 ** x * Math.LN2, [-3, 0.5, 10]],
  ["erf", erf, (x) => 1 - erfcRef(x), (x) => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x), wide],
  ["erfc", erfc, erfcRef, (x) => (-2 / Math.sqrt(Math.PI)) * Math.exp(-x * x), wide],
];

/** erfc by its continued fraction / series (independent of math/erf.ts), to ~1e-15 here. */
function erfcRef(x: number): number {
  if (x < 0) return 2 - erfcRef(-x);
  if (x < 2) {
    // erf series: (2/√π) Σ (−1)ⁿ x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 60; n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // Lentz continued fraction for erfc
  let f = 0;
  for (let k = 80; k >= 1; k--) f = k / 2 / (x + f);
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + f);
}

describe("one-input math ops", () => {
  it.each(cases)("%s matches its reference and derivative", (_name, op, ref, dref, xs) => {
    const x = tensor(xs, f64);
    const y = op(x).data();
    const g = grad((t) => op(t).sum())(x).data();
    xs.forEach((v, i) => {
      expect(y[i]).toBeCloseTo(ref(v), 13);
      expect(g[i]).toBeCloseTo(dref(v), 11);
    });
  });

  it("give NaN outside their domains, ±Infinity at poles, as PyTorch", () => {
    expect(asin(tensor([1.5], f64)).item()).toBeNaN();
    expect(acosh(tensor([0.5], f64)).item()).toBeNaN();
    expect(atanh(tensor([1, -1], f64)).toArray()).toEqual([Infinity, -Infinity]);
    expect(reciprocal(tensor([0, -0], f64)).toArray()).toEqual([Infinity, -Infinity]);
    expect(log2(tensor([0], f64)).item()).toBe(-Infinity);
  });

  it("int32 inputs give float32, except square which keeps int32", () => {
    const i = tensor([2], { dtype: "int32" });
    expect(sin(i).dtype).toBe("float32");
    expect(reciprocal(i).dtype).toBe("float32");
    expect(square(i).dtype).toBe("int32");
    expect(square(i).item()).toBe(4);
  });
});

describe("atan2, hypot, lerp", () => {
  it("atan2 picks the quadrant, with broadcasting", () => {
    const r = atan2(tensor([[1], [-1]], f64), tensor([1, -1], f64)).toArray();
    expect(r).toEqual([
      [Math.atan2(1, 1), Math.atan2(1, -1)],
      [Math.atan2(-1, 1), Math.atan2(-1, -1)],
    ]);
    const [gy, gx] = grad((y, x) => atan2(y, x).sum(), { argnums: [0, 1] })(
      tensor([3], f64),
      tensor([4], f64),
    );
    expect(gy?.item()).toBeCloseTo(4 / 25, 15);
    expect(gx?.item()).toBeCloseTo(-3 / 25, 15);
  });

  it("hypot does not overflow and has gradient (a, b)/h", () => {
    expect(hypot(tensor([3, 1e200], f64), tensor([4, 1e200], f64)).toArray()).toEqual([
      5,
      Math.hypot(1e200, 1e200),
    ]);
    const [ga, gb] = grad((a, b) => hypot(a, b).sum(), { argnums: [0, 1] })(
      tensor([3], f64),
      tensor([4], f64),
    );
    expect(ga?.item()).toBeCloseTo(0.6, 15);
    expect(gb?.item()).toBeCloseTo(0.8, 15);
  });

  it("lerp interpolates with a number or tensor weight, with gradients 1 − w, w, end − start", () => {
    expect(lerp(tensor([0, 10], f64), tensor([10, 20], f64), 0.25).toArray()).toEqual([2.5, 12.5]);
    const [gs, ge, gw] = grad((s, e, w) => lerp(s, e, w).sum(), { argnums: [0, 1, 2] })(
      tensor([1], f64),
      tensor([5], f64),
      tensor([0.25], f64),
    );
    expect([gs?.item(), ge?.item(), gw?.item()]).toEqual([0.75, 0.25, 4]);
  });
});
