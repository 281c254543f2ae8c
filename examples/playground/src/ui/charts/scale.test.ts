import { describe, expect, it } from "vitest";
import { formatTick, linearScale, logScale, logTicks, niceTicks } from "./scale.js";

describe("chart scales", () => {
  it("niceTicks covers the range with round steps", () => {
    expect(niceTicks(0, 0.93, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-3.2, 4.9, 4)).toEqual([-5, 0, 5]);
    expect(niceTicks(0, 300, 6)).toEqual([0, 50, 100, 150, 200, 250, 300]);
    expect(niceTicks(5, 5)).toEqual([5]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });

  it("linearScale maps the widened domain onto the pixel range", () => {
    const y = linearScale(0, 0.93, 200, 0);
    expect(y.domain).toEqual([0, 1]);
    expect(y(0)).toBe(200);
    expect(y(1)).toBe(0);
    expect(y(0.5)).toBe(100);
    // A flat series still gets a non-empty domain.
    const flat = linearScale(3, 3, 0, 100);
    expect(flat.domain[0]).toBeLessThan(3);
    expect(flat.domain[1]).toBeGreaterThan(3);
  });

  it("a tight linearScale keeps its domain and only the ticks inside it", () => {
    const x = linearScale(0.5, 3.5, 0, 300, 3, true);
    expect(x.domain).toEqual([0.5, 3.5]);
    expect(x.ticks).toEqual([1, 2, 3]);
    expect(x(2)).toBe(150);
  });

  it("logScale spans whole decades, with 2× and 5× ticks over a short range", () => {
    expect(logTicks(0.15, 0.7)).toEqual([0.1, 0.2, 0.5, 1]);
    // Nine decades, at most 6 ticks: every other decade, from the top down.
    expect(logTicks(3e-9, 0.4, 6)).toEqual([1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1]);
    const y = logScale(3e-7, 0.4, 200, 0, 7);
    expect(y.ticks).toHaveLength(8);
    expect(y.domain[0]).toBeCloseTo(1e-7, 20);
    expect(y.domain[1]).toBe(1);
    expect(y(1)).toBeCloseTo(0, 9);
    expect(y(1e-7)).toBeCloseTo(200, 9);
    // Log-linear: 1e-4 is 4 of the 7 decades below the top.
    expect(y(1e-4)).toBeCloseTo((200 * 4) / 7, 9);
    // Zero (a layer with no gradient at all) sits on the bottom edge instead of vanishing.
    expect(y(0)).toBe(200);
    expect(y.format(1e-5)).toBe("1e-5");
    expect(y.format(0.2)).toBe("0.2");
  });

  it("formatTick keeps labels short", () => {
    expect(formatTick(0)).toBe("0");
    expect(formatTick(250)).toBe("250");
    expect(formatTick(0.30000000000000004)).toBe("0.3");
    expect(formatTick(2e-5)).toBe("2e-5");
    expect(formatTick(120000)).toBe("1e5");
  });
});
