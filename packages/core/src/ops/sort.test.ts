import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError, GraphError } from "../errors.js";
import { tensor } from "../tensor/create.js";
import { expectValues } from "../testing/expect-values.js";
import { argsort } from "./argsort.js";
import { sort } from "./sort.js";
import { topk } from "./topk.js";

const f64 = { dtype: "float64" } as const;
const nan = Number.NaN;
// Expected values below are what PyTorch 1.13 gives for torch.sort(…, stable=True), torch.argsort
// and torch.topk (except topk's choice among tied values, which PyTorch leaves unspecified).
const x = tensor(
  [
    [3, 1, nan, 1, -2],
    [0.5, 2, 2, -1, 4],
  ],
  f64,
);
const y = tensor(
  [
    [3, 1, 5, 1, -2],
    [0.5, 2, 2.5, -1, 4],
  ],
  f64,
);

describe("sort and argsort", () => {
  it("sort stably, NaN as the largest value, ascending or descending, along any axis", () => {
    const s = sort(x);
    expectValues(s.values, [
      [-2, 1, 1, 3, nan],
      [-1, 0.5, 2, 2, 4],
    ]);
    expect(s.indices.dtype).toBe("int32");
    expect(s.indices.toArray()).toEqual([
      [4, 1, 3, 0, 2],
      [3, 0, 1, 2, 4],
    ]);
    const d = x.sort(1, true);
    expectValues(d.values, [
      [nan, 3, 1, 1, -2],
      [4, 2, 2, 0.5, -1],
    ]);
    expect(d.indices.toArray()).toEqual([
      [2, 0, 1, 3, 4],
      [4, 1, 2, 0, 3],
    ]);
    const c = sort(x, 0);
    expectValues(c.values, [
      [0.5, 1, 2, -1, -2],
      [3, 2, nan, 1, 4],
    ]);
    expect(c.indices.toArray()).toEqual([
      [1, 0, 1, 1, 0],
      [0, 1, 0, 0, 1],
    ]);
    expect(argsort(y, 1, true).toArray()).toEqual([
      [2, 0, 1, 3, 4],
      [4, 2, 1, 0, 3],
    ]);
  });

  it("send each value's gradient back to where it came from", () => {
    const w = tensor([[1, 2, 3, 4, 5]], f64);
    expectValues(grad((t) => sort(t, 1).values.mul(w).sum())(y), [
      [4, 2, 5, 3, 1],
      [2, 3, 4, 1, 5],
    ]);
  });

  it("sort a scalar and int32 values; argsort records no gradient", () => {
    const s = sort(tensor(2, f64));
    expect(s.values.item()).toBe(2);
    expect(s.indices.item()).toBe(0);
    expect(sort(tensor([3, -1, 2], { dtype: "int32" })).values.toArray()).toEqual([-1, 2, 3]);
    const i = argsort(tensor([1, 0], { ...f64, requiresGrad: true }));
    expect(i.requiresGrad).toBe(false);
    expect(() => i.to("float64").sum().backward()).toThrow(GraphError);
    expect(() => i.to("float64").sum().backward()).toThrow(/argsort is not differentiable.*sort/);
  });

  it("reject bad axes and flags, naming the function", () => {
    expect(() => sort(x, 2)).toThrow(ArgumentError);
    expect(() => sort(x, 2)).toThrow(/^sort: axis 2 is out of range/);
    expect(() => argsort(x, -3)).toThrow(/^argsort: axis -3 is out of range/);
    expect(() => sort(x, -1, "yes" as unknown as boolean)).toThrow(
      'sort: descending must be true or false, got "yes"',
    );
  });
});

describe("topk", () => {
  it("picks the k largest or smallest, sorted, with their indices", () => {
    const t = topk(y, 2);
    expectValues(t.values, [
      [5, 3],
      [4, 2.5],
    ]);
    expect(t.indices.toArray()).toEqual([
      [2, 0],
      [4, 2],
    ]);
    const s = y.topk(3, 1, false);
    expectValues(s.values, [
      [-2, 1, 1],
      [-1, 0.5, 2],
    ]);
    expect(s.indices.toArray()).toEqual([
      [4, 1, 3],
      [3, 0, 1],
    ]);
    const n = topk(x, 2);
    expectValues(n.values, [
      [nan, 3],
      [4, 2],
    ]);
    expect(n.indices.toArray()).toEqual([
      [2, 0],
      [4, 1],
    ]);
    expect(topk(y, 1, 0).indices.toArray()).toEqual([[0, 1, 0, 0, 1]]);
    expect(topk(y, 0).values.shape).toEqual([2, 0]);
    expect(topk(tensor(7, f64), 1).values.item()).toBe(7);
  });

  it("sends the gradient to the picked positions only", () => {
    expectValues(
      grad((t) =>
        topk(t, 2)
          .values.mul(tensor([[1, 2]], f64))
          .sum(),
      )(y),
      [
        [2, 0, 1, 0, 0],
        [0, 0, 2, 0, 1],
      ],
    );
  });

  it("rejects a k out of range and bad flags, naming the function", () => {
    expect(() => topk(y, 6)).toThrow(ArgumentError);
    expect(() => topk(y, 6)).toThrow(
      "topk: k must be an integer from 0 to 5 (the size of axis 1 of shape [2, 5]), got 6",
    );
    expect(() => topk(y, 1.5)).toThrow(/^topk: k must be an integer from 0 to 5/);
    expect(() => topk(y, -1, 0)).toThrow(
      /^topk: k must be an integer from 0 to 2 \(the size of axis 0/,
    );
    expect(() => topk(y, 1, 0, 1 as unknown as boolean)).toThrow(
      "topk: largest must be true or false, got 1",
    );
    expect(() => topk(y, 1, 3)).toThrow(/^topk: axis 3 is out of range/);
  });
});
