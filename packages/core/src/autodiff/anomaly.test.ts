import { describe, expect, it } from "vitest";
import { AnomalyError } from "../errors.js";
import { tensor } from "../tensor/create.js";
import { detectAnomaly, isAnomalyEnabled, setDetectAnomaly } from "./anomaly.js";
import { grad } from "./functional.js";

const f64 = { dtype: "float64" } as const;

describe("anomaly mode", () => {
  it("is off by default; NaN and Infinity then propagate silently", () => {
    expect(isAnomalyEnabled()).toBe(false);
    const x = tensor([0, 1], { ...f64, requiresGrad: true });
    const y = x.log();
    expect(y.data()[0]).toBe(-Infinity);
    y.sum().backward();
    expect(x.grad?.data()[0]).toBe(Infinity);
  });

  it("names the op that first made a non-finite value in forward, and where it was called", () => {
    const run = () =>
      detectAnomaly(() => {
        const x = tensor([2, 0], f64);
        const y = x.mul(3); // finite
        return y.log(); // ln 0 = −∞: the first anomaly
      });
    expect(run).toThrow(AnomalyError);
    let message = "";
    try {
      run();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      /^anomaly: log produced -Infinity at element 1 of its output \(shape \[2\]\) from finite inputs\.\nlog was called at:\n/,
    );
    // the creation stack points at this file
    expect(message).toContain("anomaly.test.ts");
    expect(isAnomalyEnabled()).toBe(false);
  });

  it("does not blame an op whose input was already non-finite", () => {
    const y = detectAnomaly(() => tensor([Number.NaN], f64).exp().mul(2));
    expect(y.item()).toBeNaN();
  });

  it("names the op whose backward first made a non-finite gradient, with its creation stack", () => {
    setDetectAnomaly(true);
    try {
      const x = tensor([0, 4], { ...f64, requiresGrad: true });
      const y = x.sqrt(); // forward is finite: √0 = 0; backward is 1/(2·0) = ∞
      const loss = y.sum();
      let message = "";
      try {
        loss.backward();
      } catch (e) {
        expect(e).toBeInstanceOf(AnomalyError);
        message = (e as Error).message;
      }
      expect(message).toMatch(
        /^anomaly: the backward of sqrt produced Infinity in the gradient of input 0 \(element 0\) from a finite incoming gradient\.\nsqrt was created at:\n/,
      );
      expect(message).toContain("anomaly.test.ts");
    } finally {
      setDetectAnomaly(false);
    }
  });

  it("does not flag a rule that makes a non-finite value internally and masks it (pow at 0)", () => {
    // pow's rule takes ln a for ∂/∂b and discards it where a = 0
    const g = detectAnomaly(() =>
      grad((b) => tensor([0, 2], f64).pow(b).sum())(tensor([2, 2], f64)),
    );
    expect(g.data()[0]).toBe(0);
    expect(g.data()[1]).toBeCloseTo(4 * Math.LN2, 14);
  });
});
