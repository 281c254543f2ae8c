import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ShapeError } from "../errors.js";
import { arange, ones, tensor } from "../tensor/create.js";
import { trace } from "./trace.js";

const f64 = { dtype: "float64" } as const;

describe("trace", () => {
  it("sums the main diagonal, also of a non-square matrix", () => {
    expect(
      trace(
        tensor(
          [
            [1, 2],
            [3, 4],
          ],
          f64,
        ),
      ).item(),
    ).toBe(5);
    // [[0, 1, 2], [3, 4, 5]]: 0 + 4
    const t = arange(0, 6, 1, f64).reshape([2, 3]).trace();
    expect(t.shape).toEqual([]);
    expect(t.item()).toBe(4);
  });

  it("has the identity (padded with zeros) as gradient", () => {
    expect(grad((x) => trace(x))(ones([2, 3], f64)).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });

  it("refuses anything but a matrix", () => {
    expect(() => trace(ones([2, 2, 2]))).toThrow(ShapeError);
    expect(() => trace(ones([3]))).toThrow(/^trace: expected a matrix \(2-D\), got shape \[3\]/);
  });
});
