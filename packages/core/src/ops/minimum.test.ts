import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { minimum } from "./minimum.js";

describe("minimum", () => {
  it("takes the smaller value with broadcasting", () => {
    expect(minimum(tensor([[1, 5]]), tensor([[2], [0]])).toArray()).toEqual([
      [1, 2],
      [0, 0],
    ]);
    expect(minimum(tensor([Number.NaN]), tensor([0])).item()).toBeNaN();
  });

  it("routes the gradient to the smaller input and splits it at ties; broadcast gradients are summed", () => {
    const [ga, gb] = grad((a, b) => minimum(a, b).sum(), { argnums: [0, 1] })(
      tensor([1, 5, 2]),
      tensor(2),
    );
    expect(ga?.toArray()).toEqual([1, 0, 0.5]);
    expect(gb?.item()).toBe(1.5);
  });
});
