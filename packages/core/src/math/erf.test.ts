import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { erf, erfCoefficients, erfc } from "./erf.js";
import { normalCdf, normalPdf } from "./normal.js";

interface ErfReference {
  x: string[];
  erf: string[];
  erfc: string[];
}
const ref = JSON.parse(
  readFileSync(new URL("./reference/erf.json", import.meta.url), "utf8"),
) as ErfReference;

/** |a − b| in units of the last place of b (with the subnormal spacing as the floor). */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const spacing = Math.max(Math.abs(b) * 2 ** -52, 2 ** -1074);
  return Math.abs(a - b) / 2 ** Math.floor(Math.log2(spacing));
}

describe("erf and erfc against mpmath (60 digits)", () => {
  const xs = ref.x.map(Number);
  // Measured: erf within 1 ulp (98.7% of points exact after rounding), erfc within 2 ulps (its
  // value on [0.84375, 1.25] comes from a subtraction that can lose one bit), i.e. ≤ 3.6e-16.
  it.each([
    ["erf", erf, ref.erf, 1],
    ["erfc", erfc, ref.erfc, 2],
  ] as const)("%s is within %i ulp(s) of mpmath", (_name, f, expected, bound) => {
    let worst = 0;
    let at = 0;
    xs.forEach((x, i) => {
      const e = ulps(f(x), Number(expected[i]));
      if (e > worst) {
        worst = e;
        at = x;
      }
    });
    expect(worst, `worst at x = ${at}`).toBeLessThanOrEqual(bound);
  });

  it("handles special values", () => {
    expect(erf(0)).toBe(0);
    expect(Object.is(erf(-0), -0)).toBe(true);
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erf(1e300)).toBe(1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(-1e300)).toBe(2);
    expect(erf(Number.NaN)).toBeNaN();
    expect(erfc(Number.NaN)).toBeNaN();
  });

  it("is odd, and erf + erfc = 1", () => {
    for (const x of [0.1, 0.5, 0.9, 1.1, 2, 3.3, 5.9]) {
      expect(erf(-x)).toBe(-erf(x));
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(3e-16);
    }
  });
});

describe("fdlibm coefficients", () => {
  // The bit patterns printed next to each constant in fdlibm's s_erf.c, to catch a mistyped digit.
  const bits: Record<string, [number, number]> = {
    ERX: [0x3feb0ac1, 0x60000000],
    EFX: [0x3fc06eba, 0x8214db69],
    PP0: [0x3fc06eba, 0x8214db68],
    PP1: [0xbfd4cd7d, 0x691cb913],
    PP2: [0xbf9d2a51, 0xdbd7194f],
    PP3: [0xbf77a291, 0x236668e4],
    PP4: [0xbef8ead6, 0x120016ac],
    QQ1: [0x3fd97779, 0xcddadc09],
    QQ2: [0x3fb0a54c, 0x5536ceba],
    QQ3: [0x3f74d022, 0xc4d36b0f],
    QQ4: [0x3f215dc9, 0x221c1a10],
    QQ5: [0xbed09c43, 0x42a26120],
    PA0: [0xbf6359b8, 0xbef77538],
    PA1: [0x3fda8d00, 0xad92b34d],
    PA2: [0xbfd7d240, 0xfbb8c3f1],
    PA3: [0x3fd45fca, 0x805120e4],
    PA4: [0xbfbc6398, 0x3d3e28ec],
    PA5: [0x3fa22a36, 0x599795eb],
    PA6: [0xbf61bf38, 0x0a96073f],
    QA1: [0x3fbb3e66, 0x18eee323],
    QA2: [0x3fe14af0, 0x92eb6f33],
    QA3: [0x3fb2635c, 0xd99fe9a7],
    QA4: [0x3fc02660, 0xe763351f],
    QA5: [0x3f8bedc2, 0x6b51dd1c],
    QA6: [0x3f888b54, 0x5735151d],
    RA0: [0xbf843412, 0x600d6435],
    RA1: [0xbfe63416, 0xe4ba7360],
    RA2: [0xc0251e04, 0x41b0e726],
    RA3: [0xc04f300a, 0xe4cba38d],
    RA4: [0xc0644cb1, 0x84282266],
    RA5: [0xc067135c, 0xebccabb2],
    RA6: [0xc0545265, 0x57e4d2f2],
    RA7: [0xc023a0ef, 0xc69ac25c],
    SA1: [0x4033a6b9, 0xbd707687],
    SA2: [0x4061350c, 0x526ae721],
    SA3: [0x407b290d, 0xd58a1a71],
    SA4: [0x40842b19, 0x21ec2868],
    SA5: [0x407ad021, 0x57700314],
    SA6: [0x405b28a3, 0xee48ae2c],
    SA7: [0x401a47ef, 0x8e484a93],
    SA8: [0xbfaeeff2, 0xee749a62],
    RB0: [0xbf843412, 0x39e86f4a],
    RB1: [0xbfe993ba, 0x70c285de],
    RB2: [0xc031c209, 0x555f995a],
    RB3: [0xc064145d, 0x43c5ed98],
    RB4: [0xc083ec88, 0x1375f228],
    RB5: [0xc0900461, 0x6a2e5992],
    RB6: [0xc07e384e, 0x9bdc383f],
    SB1: [0x403e568b, 0x261d5190],
    SB2: [0x40745cae, 0x221b9f0a],
    SB3: [0x409802eb, 0x189d5118],
    SB4: [0x40a8ffb7, 0x688c246a],
    SB5: [0x40a3f219, 0xcedf3be6],
    SB6: [0x407da874, 0xe79fe763],
    SB7: [0xc03670e2, 0x42712d62],
  };
  it("match the bit patterns of the published constants", () => {
    const view = new DataView(new ArrayBuffer(8));
    const names = Object.keys(erfCoefficients);
    expect(names.sort()).toEqual(Object.keys(bits).sort());
    for (const name of names) {
      const [hi, lo] = bits[name] as [number, number];
      view.setUint32(0, hi);
      view.setUint32(4, lo);
      expect([name, erfCoefficients[name as keyof typeof erfCoefficients]]).toEqual([
        name,
        view.getFloat64(0),
      ]);
    }
  });
});

describe("normalCdf and normalPdf", () => {
  // Expected values: mpmath 1.3.0 at 50 digits, float(mp.ncdf(-10)), float(mp.ncdf(-37)),
  // float(mp.npdf(37.5)), float(mp.ncdf(2)).
  it("keep full precision in the tails", () => {
    const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
    expect(rel(normalCdf(-10), 7.619853024160525e-24)).toBeLessThan(1e-15);
    expect(rel(normalCdf(-37), 5.725571222524577e-300)).toBeLessThan(1e-15);
    expect(rel(normalPdf(37.5), 1.7282337322841054e-306)).toBeLessThan(1e-15);
    expect(rel(normalCdf(2), 0.9772498680518208)).toBeLessThan(1e-15);
    expect(normalCdf(-1e4)).toBe(0);
    expect(normalCdf(1e4)).toBe(1);
    expect(normalPdf(1e300)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});
