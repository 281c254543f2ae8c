import { describe, expect, it } from "vitest";
import { thin } from "./curves.js";

describe("curve thinning", () => {
  it("thin keeps the first and last points and at most about maxPoints", () => {
    const values = Array.from({ length: 1001 }, (_, i) => i);
    const out = thin(values, 100);
    expect(out[0]).toBe(0);
    expect(out.at(-1)).toBe(1000);
    expect(out.length).toBeLessThanOrEqual(102);
    expect(thin([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });
});
