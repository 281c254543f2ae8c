import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError } from "../errors.js";
import { gradgradcheck } from "../gradcheck/index.js";
import { tensor } from "../tensor/create.js";
import { expectValues } from "../testing/expect-values.js";
import { cumprod } from "./cumprod.js";
import { cumsum } from "./cumsum.js";

const f64 = { dtype: "float64" } as const;
// Expected values below are what PyTorch 1.13 gives for torch.cumsum / torch.cumprod and their
// gradients (w is the incoming gradient).
const a = tensor(
  [
    [2, 0, 3, 0.5],
    [1.5, -2, 0, 0],
    [1, 2, 3, 4],
  ],
  f64,
);
const w = tensor(
  [
    [1, 2, 3, 4],
    [0.5, -1, 2, 1],
    [1, 1, 1, 1],
  ],
  f64,
);

describe("cumsum", () => {
  it("sums along an axis, and sends back the reversed cumsum of the gradient", () => {
    expectValues(cumsum(a, 1), [
      [2, 2, 5, 5.5],
      [1.5, -0.5, -0.5, -0.5],
      [1, 3, 6, 10],
    ]);
    expectValues(a.cumsum(-2), [
      [2, 0, 3, 0.5],
      [3.5, -2, 3, 0.5],
      [4.5, 0, 6, 4.5],
    ]);
    expectValues(grad((t) => cumsum(t, 1).mul(w).sum())(a), [
      [10, 9, 7, 4],
      [2.5, 2, 3, 1],
      [4, 3, 2, 1],
    ]);
  });

  it("keeps int32 as int32 and takes a scalar along axis 0", () => {
    const i = cumsum(tensor([1, 2, 3], { dtype: "int32" }), 0);
    expect(i.dtype).toBe("int32");
    expect(i.toArray()).toEqual([1, 3, 6]);
    expect(cumsum(tensor(4, f64), -1).item()).toBe(4);
  });

  it("rejects a missing or bad axis, naming the function", () => {
    expect(() => cumsum(a, undefined as unknown as number)).toThrow(ArgumentError);
    expect(() => cumsum(a, undefined as unknown as number)).toThrow(
      "cumsum: axis must be an integer, got undefined",
    );
    expect(() => cumsum(a, 2)).toThrow(/^cumsum: axis 2 is out of range/);
  });
});

describe("cumprod", () => {
  it("multiplies along an axis", () => {
    expectValues(cumprod(a, 1), [
      [2, 0, 0, 0],
      [1.5, -3, 0, 0],
      [1, 2, 6, 24],
    ]);
    expectValues(a.cumprod(-2), [
      [2, 0, 3, 0.5],
      [3, 0, 0, 0],
      [3, 0, 0, 0],
    ]);
  });

  it("has PyTorch's gradient with one zero, several zeros and none", () => {
    expectValues(grad((t) => cumprod(t, 1).mul(w).sum())(a), [
      [1, 34, 0, 0],
      [2.5, -1.5, -6, 0],
      [33, 16, 10, 6],
    ]);
    expectValues(grad((t) => cumprod(t, 0).mul(w).sum())(a), [
      [3.25, 0, 3, 4],
      [3, 0, 15, 2.5],
      [3, 0, 0, 0],
    ]);
  });

  it("passes gradgradcheck at inputs with zeros (a polynomial: exact there too)", () => {
    for (const x of [
      tensor([2, 0, 3, 0.5], f64),
      tensor([0, 1.5, 0, -2], f64),
      tensor([1.5, -2, 0.5], f64),
    ])
      expect(gradgradcheck((t) => cumprod(t, 0), [x]).ok).toBe(true);
    expect(gradgradcheck((t) => cumprod(t, 0), [a]).ok).toBe(true);
  });

  it("keeps int32 as int32 and rejects a bad axis", () => {
    const i = cumprod(tensor([2, -3, 4], { dtype: "int32" }), 0);
    expect(i.dtype).toBe("int32");
    expect(i.toArray()).toEqual([2, -6, -24]);
    expect(() => cumprod(a, -3)).toThrow(/^cumprod: axis -3 is out of range/);
  });
});
