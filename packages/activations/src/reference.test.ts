import { readFileSync } from "node:fs";
import { type DType, type Tensor, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { logSoftmax, softmax } from "./index.js";
import { activationList } from "./registry.js";

// Values and first derivatives from mpmath at 50 digits: see ../reference/generate.py.
interface Reference {
  points: number[];
  functions: Record<
    string,
    { params: Record<string, unknown>; value: string[]; grad: string[]; gradScale?: string[] }
  >;
  softmax: { x: number[]; temperature: number; softmax: string[]; logSoftmax: string[] }[];
}
const ref = JSON.parse(
  readFileSync(new URL("../reference/values.json", import.meta.url), "utf8"),
) as Reference;

/**
 * Each reference function applied through the activation its name starts with (the longest:
 * "geluTanh" is gelu, "swishBeta0.5" swish) with the options the generator recorded.
 */
const fns: Record<string, (x: Tensor) => Tensor> = Object.fromEntries(
  Object.entries(ref.functions).map(([name, { params }]) => {
    const a = activationList
      .filter((d) => name.startsWith(d.info.name))
      .sort((p, q) => q.info.name.length - p.info.name.length)[0];
    if (a === undefined) throw new Error(`reference function ${name} names no activation`);
    // (the recorded options are checked at run time by the activation itself)
    const call = a as unknown as (x: Tensor, options: unknown) => Tensor;
    return [name, (x: Tensor) => (Object.keys(params).length > 0 ? call(x, params) : a(x))];
  }),
);

const tolerances = {
  // float64: 1e-14 relative (issue 3); subnormal results (below 2.2e-308) can only be absolute.
  float64: { rel: 1e-14, tiny: 2.2250738585072014e-308, abs: 1e-321 },
  // float32: 1e-6 relative where the value is a normal float32 number.
  float32: { rel: 1e-6, tiny: 1.1754943508222875e-38, abs: 1e-44 },
} as const;

/**
 * Elements where got differs from expected by more than the tolerance, as readable records. With
 * `scale`, the relative tolerance applies to max(|expected|, scale): where a derivative is a sum of
 * terms of opposite signs (GELU', swish', mish'), it vanishes at some x, and near there (x = −0.75
 * is 0.002 from GELU''s zero at −0.7518) no evaluation in double precision can be accurate relative
 * to the result, only relative to the terms (scale = Σ|terms|, computed by the generator).
 */
function mismatches(
  dtype: "float32" | "float64",
  got: ArrayLike<number>,
  expected: string[],
  scale?: string[],
) {
  const { rel, tiny, abs } = tolerances[dtype];
  const bad: { x: number; got: number; expected: number; relErr: number }[] = [];
  expected.forEach((s, i) => {
    const e = dtype === "float32" ? Math.fround(Number(s)) : Number(s);
    const g = got[i] as number;
    const err = Math.abs(g - e);
    const size = Math.max(Math.abs(e), scale ? Number(scale[i]) : 0);
    const ok = Math.abs(e) >= tiny ? err <= rel * size : err <= abs;
    if (!ok || Number.isNaN(g))
      bad.push({ x: ref.points[i] as number, got: g, expected: e, relErr: err / Math.abs(e) });
  });
  return bad;
}

describe.each(["float64", "float32"] as const)("reference values in %s", (dtype: DType) => {
  const d = dtype as "float32" | "float64";
  it.each(Object.keys(fns))("%s: values on [−40, 40] and at ±100, ±700, ±1e3, ±1e4", (name) => {
    const f = fns[name] as (x: Tensor) => Tensor;
    const y = f(tensor(ref.points, { dtype }));
    expect(y.dtype).toBe(dtype);
    expect(mismatches(d, y.data(), (ref.functions[name] as { value: string[] }).value)).toEqual([]);
  });

  it.each(Object.keys(fns))("%s: first derivatives (through backward)", (name) => {
    const f = fns[name] as (x: Tensor) => Tensor;
    const x = tensor(ref.points, { dtype, requiresGrad: true });
    f(x).sum().backward();
    const g = (x.grad as Tensor).data();
    const r = ref.functions[name] as Reference["functions"][string];
    expect(mismatches(d, g, r.grad, r.gradScale)).toEqual([]);
  });

  it("softmax and logSoftmax rows, with temperatures", () => {
    for (const row of ref.softmax) {
      const x = tensor(row.x, { dtype });
      const opts = { temperature: row.temperature };
      const { rel, tiny } = tolerances[d];
      const check = (got: ArrayLike<number>, expected: string[]) =>
        expected.forEach((s, i) => {
          const e = d === "float32" ? Math.fround(Number(s)) : Number(s);
          const err = Math.abs((got[i] as number) - e);
          const bound = Math.abs(e) >= tiny ? rel * Math.abs(e) : 1e-300;
          expect({ row: row.x, i, err: err <= bound }).toEqual({ row: row.x, i, err: true });
        });
      check(softmax(x, opts).data(), row.softmax);
      check(logSoftmax(x, opts).data(), row.logSoftmax);
    }
  });
});
