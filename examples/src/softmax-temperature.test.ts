import { describe, expect, it } from "vitest";
import { runSoftmaxTemperature } from "./softmax-temperature.js";

describe("softmax-temperature example", () => {
  const r = runSoftmaxTemperature([10, 1, 0.1, 0.01]);

  it("softmax approaches the one-hot argmax as the temperature falls", () => {
    const d = r.rows.map((row) => row.distanceToOneHot);
    for (let i = 1; i < d.length; i++) expect(d[i] as number).toBeLessThan(d[i - 1] as number);
    expect(d[d.length - 1] as number).toBeLessThan(1e-6);
    for (const row of r.rows)
      expect(row.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });

  it("for two classes softmax is the sigmoid of the difference, and argmax has no gradient", () => {
    expect(r.twoClassGap).toBeLessThan(1e-15);
    expect(r.argmaxError).toMatch(/argmax/);
    expect(r.argmaxError).toMatch(/softmax/);
  });
});
