import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { maximum } from "./maximum.js";

describe("maximum", () => {
  it("takes the larger value with broadcasting; NaN on either side wins", () => {
    expect(
      maximum(
        tensor([
          [1, 5],
          [3, 0],
        ]),
        tensor([2, 2]),
      ).toArray(),
    ).toEqual([
      [2, 5],
      [3, 2],
    ]);
    expect(
      maximum(tensor([Number.NaN, 1]), tensor([0, Number.NaN]))
        .data()
        .every(Number.isNaN),
    ).toBe(true);
  });

  it("routes the gradient to the larger input and splits it evenly at ties", () => {
    const [ga, gb] = grad((a, b) => maximum(a, b).sum(), { argnums: [0, 1] })(
      tensor([1, 5, 2]),
      tensor([2, 2, 2]),
    );
    expect(ga?.toArray()).toEqual([0, 1, 0.5]);
    expect(gb?.toArray()).toEqual([1, 0, 0.5]);
  });
});
