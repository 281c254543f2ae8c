import { describe, expect, it } from "vitest";
import { ArgumentError, ShapeError } from "../errors.js";
import { tensor } from "../tensor/create.js";
import { expand } from "./expand.js";

describe("expand", () => {
  it("repeats size-1 axes and adds leading axes; -1 keeps a size", () => {
    const x = tensor([[1], [2]]); // [2, 1]
    expect(expand(x, [2, 3]).toArray()).toEqual([
      [1, 1, 1],
      [2, 2, 2],
    ]);
    expect(expand(x, [2, -1, 2]).shape).toEqual([2, 2, 2]);
    expect(expand(tensor(7), [2]).toArray()).toEqual([7, 7]);
    expect(expand(x, [2, 1])).toBe(x);
  });

  it("sums the gradient over the copies", () => {
    const x = tensor([[1], [2]], { requiresGrad: true });
    expand(x, [3, 2, 4]).sum().backward();
    expect(x.grad?.toArray()).toEqual([[12], [12]]);
  });

  it("explains what cannot be expanded", () => {
    expect(() => expand(tensor([1, 2]), [3])).toThrow(ShapeError);
    expect(() => expand(tensor([1, 2]), [3])).toThrow(
      "expand: cannot expand [2] to [3]: axis 0 has size 2, which is not 1",
    );
    expect(() => expand(tensor([[1]]), [1])).toThrow(
      "expand: cannot expand [1, 1] to fewer dimensions [1]",
    );
    expect(() => expand(tensor([1]), [-1, 1])).toThrow(ArgumentError);
    expect(() => expand(tensor([1]), [-1, 1])).toThrow(
      "expand: -1 is not allowed for the new leading axis 0 in [-1, 1]",
    );
    expect(() => expand(tensor([1]), [-2])).toThrow("expand: invalid size -2 in [-2]");
  });
});
