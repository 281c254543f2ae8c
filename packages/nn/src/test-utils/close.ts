import type { Tensor } from "@fluxion/core";
import { expect } from "vitest";

/** The values of a tensor as a flat JS array. */
export function flat(t: Tensor): number[] {
  return Array.from(t.data());
}

/** Expects every value of `actual` within atol + rtol·|expected| of `expected`. */
export function expectClose(
  actual: Tensor | number[] | number,
  expected: number[] | number,
  tol: { atol?: number; rtol?: number } = {},
): void {
  const a = typeof actual === "number" ? [actual] : Array.isArray(actual) ? actual : flat(actual);
  const e = typeof expected === "number" ? [expected] : expected;
  expect(a.length).toBe(e.length);
  const atol = tol.atol ?? 1e-12;
  const rtol = tol.rtol ?? 1e-10;
  a.forEach((v, i) => {
    const w = e[i] as number;
    if (Math.abs(v - w) > atol + rtol * Math.abs(w))
      throw new Error(`element ${i}: got ${v}, expected ${w} (atol ${atol}, rtol ${rtol})`);
  });
}

/** The gradient of `t`, failing the test when there is none. */
export function gradOf(t: Tensor): Tensor {
  if (t.grad === null) throw new Error("expected a gradient, found null");
  return t.grad;
}
