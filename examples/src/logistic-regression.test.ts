import { describe, expect, it } from "vitest";
import { runLogisticRegression } from "./logistic-regression.js";

describe("logistic-regression example", () => {
  const r = runLogisticRegression({ epochs: 30 });

  it("autodiff's gradients equal the lecture's formulas Xᵀ(a − y)/m and mean(a − y)", () => {
    r.byHand.dW.forEach((v, i) => {
      expect(Math.abs((r.autodiff.dW[i] as number) - v)).toBeLessThan(
        1e-12 * Math.max(1, Math.abs(v)),
      );
    });
    expect(Math.abs(r.autodiff.db - r.byHand.db)).toBeLessThan(1e-12);
    expect(Math.abs(r.byHand.dW[0] as number)).toBeGreaterThan(1e-3); // a non-trivial gradient was compared
  });

  it("SGD lowers the cost and separates the two blobs", () => {
    expect(r.costs[r.costs.length - 1] as number).toBeLessThan((r.costs[0] as number) * 0.5);
    expect(r.accuracy).toBeGreaterThan(0.9);
  });
});
