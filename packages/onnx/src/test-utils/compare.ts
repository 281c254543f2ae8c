import { expect } from "vitest";

/** ONNX Runtime's float32 results against Fluxion's: |a − e| ≤ rtol·|e| + atol, element by element. */
export function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
  rtol = 1e-5,
  atol = 1e-6,
): void {
  expect(actual.length, `${what}: number of elements`).toBe(expected.length);
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    const excess = Math.abs(a - e) - (rtol * Math.abs(e) + atol);
    if (!(excess <= worstExcess)) {
      worstExcess = Number.isNaN(excess) ? Infinity : excess;
      worst = i;
    }
  }
  if (worst >= 0) {
    expect.fail(
      `${what}: element ${worst} is ${actual[worst]} in ONNX Runtime but ${expected[worst]} in Fluxion (tolerance ${rtol} relative + ${atol})`,
    );
  }
}
