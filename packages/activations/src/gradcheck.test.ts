import { gradcheck, gradgradcheck, listOps } from "@fluxion/core";
import { describe, expect, it } from "vitest";

// Imported dynamically so that the ops this package registers can be told from core's own.
const before = new Set(listOps().map((op) => op.name));
await import("./index.js");
const { activationSpecs, drawCase } = await import("./testing.js");
const added = listOps()
  .map((op) => op.name)
  .filter((name) => !before.has(name));

describe("test specs", () => {
  it("exist for every op this package registers", () => {
    expect(added.length).toBeGreaterThan(20);
    expect(added.filter((name) => activationSpecs[name] === undefined)).toEqual([]);
    expect(Object.keys(activationSpecs).sort()).toEqual([...added].sort());
  });
});

const seed = Number(process.env.FC_SEED ?? 42);
const cases = Object.values(activationSpecs).flatMap((s) =>
  s.cases.map((c) => ({ name: `${s.op}: ${c.label}`, spec: s, c })),
);

describe("gradcheck (float64, central differences)", () => {
  it.each(cases)("$name", ({ c }) => {
    for (let k = 0; k < 3; k++) {
      const report = gradcheck(c.apply, drawCase(c, seed + k), { atol: 1e-7, rtol: 1e-6 });
      expect(report.ok).toBe(true);
    }
  });
});

describe("gradgradcheck (float64)", () => {
  it.each(cases.filter((k) => k.spec.twiceDifferentiable))("$name", ({ c }) => {
    const report = gradgradcheck(c.apply, drawCase(c, seed + 7), { atol: 1e-6, rtol: 1e-5 });
    expect(report.ok).toBe(true);
  });
});
