import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError } from "../errors.js";
import { gradcheck, gradgradcheck } from "../gradcheck/index.js";
import { tensor, zeros } from "../tensor/create.js";
import { expectValues } from "../testing/expect-values.js";
import { prod } from "./prod.js";

const f64 = { dtype: "float64" } as const;
// Expected values below are what PyTorch 1.13 gives for torch.prod and its gradient.
const a = tensor(
  [
    [2, 0, 3, 0.5],
    [1.5, -2, 0, 0],
    [1, 2, 3, 4],
  ],
  f64,
);

describe("prod", () => {
  it("multiplies over all values, one axis or several, with keepDims", () => {
    expect(prod(tensor([1, 2, 3, 4], f64)).item()).toBe(24);
    expectValues(prod(a, 1), [0, 0, 24]);
    expectValues(prod(a, 0, true), [[3, 0, 0, 0]]);
    expect(prod(a, 0, true).shape).toEqual([1, 4]);
    expect(a.slice([2]).prod().item()).toBe(24);
    expect(prod(a.slice([[2, 3]]), [0, 1]).item()).toBe(24);
    expect(prod(zeros([2, 0]), 1).toArray()).toEqual([1, 1]);
  });

  it("has the exact gradient with one zero, several zeros, or none (as PyTorch)", () => {
    const g = grad((t) =>
      prod(t, 1)
        .mul(tensor([1, 2, 3], f64))
        .sum(),
    )(a);
    expectValues(g, [
      [0, 3, 0, 0],
      [0, 0, 0, 0],
      [72, 36, 24, 18],
    ]);
    expectValues(grad((t) => prod(t))(tensor([2, 0, 3, 0.5], f64)), [0, 3, 0, 0]);
    expectValues(grad((t) => prod(t))(tensor([2, 0, 3, 0], f64)), [0, 0, 0, 0]);
    const h = grad((t) => prod(t, 0, true).sum())(a);
    expectValues(h, [
      [1.5, -4, 0, 0],
      [2, 0, 9, 2],
      [3, 0, 0, 0],
    ]);
  });

  it("passes gradcheck and gradgradcheck at inputs with zeros (a polynomial: exact there too)", () => {
    for (const x of [
      tensor([2, 0, 3, 0.5], f64),
      tensor([0, 1.5, 0, -2], f64),
      tensor(
        [
          [0.5, 0],
          [0, 0],
          [1.5, -1],
        ],
        f64,
      ),
    ]) {
      expect(gradcheck((t) => prod(t), [x]).ok).toBe(true);
      expect(gradgradcheck((t) => prod(t), [x]).ok).toBe(true);
      expect(gradgradcheck((t) => prod(t, -1, true), [x]).ok).toBe(true);
    }
    expect(gradgradcheck((t) => prod(t, [0, 2]), [a.reshape([3, 2, 2])]).ok).toBe(true);
  });

  it("keeps int32 as int32, wrapping around on overflow as int32 arithmetic", () => {
    const i = prod(
      tensor(
        [
          [7, -3],
          [3, -4],
        ],
        { dtype: "int32" },
      ),
      1,
    );
    expect(i.dtype).toBe("int32");
    expect(i.toArray()).toEqual([-21, -12]);
    expect(prod(tensor([100000, 100000], { dtype: "int32" })).item()).toBe(1410065408);
  });

  it("rejects bad axes, naming the function", () => {
    expect(() => prod(a, 2)).toThrow(ArgumentError);
    expect(() => prod(a, 2)).toThrow(/^prod: axis 2 is out of range for a tensor of rank 2/);
    expect(() => prod(a, "0" as unknown as number)).toThrow(/^prod: axes must be a number/);
  });
});
