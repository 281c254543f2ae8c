import { describe, expect, it } from "vitest";
import { classColors } from "../theme.js";
import { probabilityColor } from "./boundary.js";

describe("the boundary colour map", () => {
  it("probabilityColor runs from class 0's colour through white to class 1's", () => {
    expect(probabilityColor(0.5)).toEqual([255, 255, 255]);
    const zero = probabilityColor(0);
    const one = probabilityColor(1);
    // 70 % of the way from white to the class colour.
    const toward = (c: number) => Math.round(255 + (c - 255) * 0.7);
    expect(zero).toEqual(classColors[0].map(toward));
    expect(one).toEqual(classColors[1].map(toward));
    // Out of range and NaN are clamped / neutral rather than garbage.
    expect(probabilityColor(2)).toEqual(one);
    expect(probabilityColor(Number.NaN)).toEqual([255, 255, 255]);
  });
});
