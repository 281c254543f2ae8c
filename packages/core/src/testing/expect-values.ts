import { expect } from "vitest";
import type { Tensor } from "../tensor/tensor.js";

type Nested = number | readonly Nested[];

function flat(v: Nested): number[] {
  return typeof v === "number" ? [v] : v.flatMap(flat);
}

/**
 * Expects t's values to equal `expected` (nested as t's shape) to `digits` decimal places, with
 * −0 equal to 0 and NaN equal to NaN: for reference values taken from PyTorch.
 */
export function expectValues(t: Tensor, expected: Nested, digits = 12): void {
  const want = flat(expected);
  const got = Array.from(t._data, Number);
  expect(got.length, `${got.length} values, expected ${want.length}`).toBe(want.length);
  got.forEach((v, i) => {
    const w = want[i] as number;
    if (Number.isNaN(w)) expect(v, `value ${i}`).toBeNaN();
    else if (!Number.isFinite(w)) expect(v, `value ${i}`).toBe(w);
    else expect(v, `value ${i} of [${got.join(", ")}]`).toBeCloseTo(w, digits);
  });
}
