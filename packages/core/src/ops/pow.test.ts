import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { gradgradcheck } from "../gradcheck/gradcheck.js";
import { tensor } from "../tensor/create.js";
import { pow } from "./pow.js";

const f64 = { dtype: "float64" } as const;

describe("pow", () => {
  it("raises with broadcasting, tensor or number exponents", () => {
    expect(
      pow(
        tensor(
          [
            [1, 2],
            [3, 4],
          ],
          f64,
        ),
        tensor([2, 3], f64),
      ).toArray(),
    ).toEqual([
      [1, 8],
      [9, 64],
    ]);
    expect(pow(tensor([4, 9], f64), 0.5).toArray()).toEqual([2, 3]);
    expect(pow(2, tensor([3], f64)).toArray()).toEqual([8]);
  });

  it("follows IEEE: negative base with fractional exponent is NaN, 0⁻¹ is ∞", () => {
    const [a, b] = pow(tensor([-8, 0], f64), tensor([1 / 3, -1], f64)).data();
    expect(a).toBeNaN();
    expect(b).toBe(Infinity);
  });

  it("∂/∂a = b·aᵇ⁻¹ and ∂/∂b = aᵇ·ln a", () => {
    const [da, db] = grad((a, b) => pow(a, b).sum(), { argnums: [0, 1] })(
      tensor([2, 3], f64),
      tensor([3, 0.5], f64),
    );
    expect(da?.toArray()).toEqual([3 * 4, 0.5 * 3 ** -0.5]);
    const [x, y] = db?.data() ?? [];
    expect(x).toBeCloseTo(8 * Math.LN2, 14);
    expect(y).toBeCloseTo(Math.sqrt(3) * Math.log(3), 14);
  });

  it("gives finite gradients at a = 0 (0 for b = 0 and for ∂/∂b with b ≥ 0)", () => {
    const [da, db] = grad((a, b) => pow(a, b).sum(), { argnums: [0, 1] })(
      tensor([0, 0, 0], f64),
      tensor([0, 2, 1], f64),
    );
    expect(da?.toArray()).toEqual([0, 0, 1]);
    expect(db?.toArray()).toEqual([0, 0, 0]);
  });

  it("its rule is differentiable at b = 0 (regression: ∂²/∂a∂b was 0 instead of 1/a)", () => {
    // d/db [b·a^(b−1)] at b = 0 is a⁻¹
    const mixed = grad((b) => grad((a) => pow(a, b).sum())(tensor([0.5, 4], f64)).sum())(
      tensor([0, 0], f64),
    );
    expect(mixed.toArray()).toEqual([2, 0.25]);
    expect(
      gradgradcheck((a, b) => pow(a, b), [tensor([0.5, 2], f64), tensor([0, 0], f64)]).ok,
    ).toBe(true);
  });
});
