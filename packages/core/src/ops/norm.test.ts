import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError, DTypeError } from "../errors.js";
import { gradgradcheck } from "../gradcheck/index.js";
import { tensor, zeros } from "../tensor/create.js";
import { expectValues } from "../testing/expect-values.js";
import { norm } from "./norm.js";

const f64 = { dtype: "float64" } as const;
// Expected values below are what PyTorch 1.13 gives for torch.norm(b, p, dim=1) and its gradient
// for the incoming gradient [1, 2, 3]. The middle row is all zeros: the norm's subgradient is 0.
const b = tensor(
  [
    [3, -4, 0],
    [0, 0, 0],
    [1, -1, 2],
  ],
  f64,
);
const w = tensor([1, 2, 3], f64);
const cases: [number, number[], number[][]][] = [
  [
    2,
    [5, 0, 2.449489742783178],
    [
      [0.6, -0.8, 0],
      [0, 0, 0],
      [1.2247448713915892, -1.2247448713915892, 2.4494897427831783],
    ],
  ],
  [
    1,
    [7, 0, 4],
    [
      [1, -1, 0],
      [0, 0, 0],
      [3, -3, 3],
    ],
  ],
  [
    3,
    [4.497941445275415, 0, 2.154434690031884],
    [
      [0.4448513517305356, -0.7908468475209521, 0],
      [0, 0, 0],
      [0.646330407009565, -0.646330407009565, 2.58532162803826],
    ],
  ],
  [
    1.5,
    [5.584250376480029, 0, 2.8567382778502783],
    [
      [0.7329564758289748, -0.8463452372482761, 0],
      [0, 0, 0],
      [1.7749496082539167, -1.7749496082539167, 2.5101578085215013],
    ],
  ],
  [
    0.5,
    [13.928203230275509, 0, 11.65685424949238],
    [
      [2.154700538379252, -1.8660254037844386, 0],
      [0, 0, 0],
      [10.242640687119284, -10.242640687119284, 7.242640687119284],
    ],
  ],
  [
    Infinity,
    [4, 0, 2],
    [
      [0, -1, 0],
      [0, 0, 0],
      [0, 0, 3],
    ],
  ],
  [
    -Infinity,
    [0, 0, 1],
    [
      [0, 0, 0],
      [0, 0, 0],
      [1.5, -1.5, 0],
    ],
  ],
  [
    0,
    [2, 0, 3],
    [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ],
  ],
];

describe("norm", () => {
  it.each(cases)("p = %s: values and gradient as PyTorch, 0 where the norm is 0", (p, y, g) => {
    expectValues(norm(b, p, 1), y);
    expectValues(grad((t) => norm(t, p, 1).mul(w).sum())(b), g);
  });

  it("is the 2-norm over everything by default and for 'fro'; keepDims keeps axes", () => {
    expect(norm(tensor([3, -4], f64)).item()).toBe(5);
    expect(b.norm().item()).toBeCloseTo(5.5677643628300215, 14);
    expectValues(grad((t) => norm(t, "fro"))(b), [
      [0.5388159060803247, -0.7184212081070996, 0],
      [0, 0, 0],
      [0.1796053020267749, -0.1796053020267749, 0.3592106040535498],
    ]);
    expect(norm(b, 3).item()).toBeCloseTo(4.657009507803835, 13);
    const k = norm(b, 2, 0, true);
    expect(k.shape).toEqual([1, 3]);
    expectValues(k, [[3.1622776601683795, 4.123105625617661, 2]]);
    expect(norm(zeros([0], f64)).item()).toBe(0);
    expect(grad((t) => norm(t))(zeros([3], f64)).toArray()).toEqual([0, 0, 0]);
  });

  it("shares the gradient of tied maxima for p = Infinity", () => {
    expectValues(grad((t) => norm(t, Infinity))(tensor([3, -3, 1], f64)), [0.5, -0.5, 0]);
  });

  it("passes gradgradcheck, for p = 2 also where a value is 0", () => {
    for (const p of [2, 1.5, 3])
      expect(
        gradgradcheck(
          (t) => norm(t, p, 1),
          [
            tensor(
              [
                [3, -4, 0.5],
                [1, 2, 0.3],
              ],
              f64,
            ),
          ],
        ).ok,
      ).toBe(true);
    expect(gradgradcheck((t) => norm(t), [tensor([0, 1.5, -2], f64)]).ok).toBe(true);
  });

  it("rejects int32, a bad order and bad axes, naming the function", () => {
    expect(() => norm(tensor([1, 2], { dtype: "int32" }))).toThrow(DTypeError);
    expect(() => norm(tensor([1, 2], { dtype: "int32" }))).toThrow(
      "norm: expects a float tensor, got int32 of shape [2]; convert it first (x.double())",
    );
    expect(() => norm(b, -1)).toThrow(ArgumentError);
    expect(() => norm(b, -1)).toThrow(
      /^norm: p must be a number ≥ 0, Infinity, -Infinity or "fro", got -1/,
    );
    expect(() => norm(b, "nuc" as "fro")).toThrow(/^norm: p must be .*got "nuc"/);
    expect(() => norm(b, 2, 2)).toThrow(/^norm: axis 2 is out of range/);
    expect(() => norm(zeros([2, 0]), Infinity, 1)).toThrow(
      /^norm: the Infinity-norm of an empty axis/,
    );
  });
});
