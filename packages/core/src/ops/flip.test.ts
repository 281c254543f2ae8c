import { describe, expect, it } from "vitest";
import { ArgumentError } from "../errors.js";
import { arange, ones, tensor } from "../tensor/create.js";
import { flip } from "./flip.js";

describe("flip", () => {
  const x = arange(6).reshape([2, 3]);

  it("reverses the entries along each given axis", () => {
    expect(flip(x, [0]).toArray()).toEqual([
      [3, 4, 5],
      [0, 1, 2],
    ]);
    expect(flip(x, 1).toArray()).toEqual([
      [2, 1, 0],
      [5, 4, 3],
    ]);
    expect(flip(x, [0, -1]).toArray()).toEqual([
      [5, 4, 3],
      [2, 1, 0],
    ]);
    expect(flip(x, []).toArray()).toEqual(x.toArray());
    const c = arange(8).reshape([2, 2, 2]).flip([0, 2]);
    expect(c.toArray()).toEqual([
      [
        [5, 4],
        [7, 6],
      ],
      [
        [1, 0],
        [3, 2],
      ],
    ]);
    expect(flip(tensor([1, 2, 3], { dtype: "int32" }), 0).dtype).toBe("int32");
  });

  it("flips the gradient back", () => {
    const w = tensor([1, 2, 3], { requiresGrad: true });
    flip(w, 0)
      .mul(tensor([10, 20, 30]))
      .sum()
      .backward();
    expect(w.grad?.toArray()).toEqual([30, 20, 10]);
  });

  it("rejects axes out of range and repeated axes, naming flip", () => {
    expect(() => flip(x, [2])).toThrow(ArgumentError);
    expect(() => flip(x, [2])).toThrow(/^flip: axis 2 is out of range for a tensor of rank 2/);
    expect(() => flip(x, [1, -1])).toThrow("flip: dims [1, -1] names axis 1 more than once");
    expect(() => flip(ones([2]), "0" as unknown as number)).toThrow(
      'flip: dims must be an axis or an array of axes, got "0"',
    );
  });
});
