import { describe, expect, it } from "vitest";
import { ArgumentError, DTypeError } from "../errors.js";
import { tensor } from "../tensor/create.js";
import { oneHot } from "./oneHot.js";

const i32 = (v: number[] | number[][]) => tensor(v, { dtype: "int32" });

describe("oneHot", () => {
  it("encodes labels along a new last axis", () => {
    expect(oneHot(i32([0, 2]), 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(oneHot(i32([1, 0])).shape).toEqual([2, 2]);
    expect(oneHot(i32([[1], [0]]), 2).shape).toEqual([2, 1, 2]);
    const f = oneHot(i32([1]), 2, { dtype: "float64" });
    expect(f.dtype).toBe("float64");
    expect(f.toArray()).toEqual([[0, 1]]);
  });

  it("rejects non-integer labels and labels out of range", () => {
    expect(() => oneHot(tensor([0, 1]), 2)).toThrow(DTypeError);
    expect(() => oneHot(tensor([0, 1]), 2)).toThrow(
      "oneHot: labels must be int32 class indices, got float32 (convert with .int() if they are whole numbers)",
    );
    expect(() => oneHot(i32([0, 3]), 3)).toThrow(ArgumentError);
    expect(() => oneHot(i32([0, 3]), 3)).toThrow(
      "oneHot: label 3 is out of range for numClasses 3",
    );
    expect(() => oneHot(i32([-1]), 3)).toThrow("oneHot: label -1 at flat position 0 is negative");
    expect(() => oneHot(i32([0]), 2.5)).toThrow(/numClasses must be a non-negative integer/);
  });
});
