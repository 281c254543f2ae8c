import { describe, expect, it } from "vitest";
import { runCustomOp } from "./custom-op.js";

describe("custom-op example", () => {
  const r = runCustomOp({ steps: 300 });

  it("the user op passes gradcheck and gradgradcheck", () => {
    expect(r.gradcheckOk).toBe(true);
    expect(r.gradgradcheckOk).toBe(true);
  });

  it("grad(grad(logCosh)) equals 1 − tanh² x", () => {
    r.secondDerivative.autodiff.forEach((v, i) => {
      expect(Math.abs(v - (r.secondDerivative.closedForm[i] as number))).toBeLessThan(1e-12);
    });
  });

  it("the logCosh fit is closer to the true line than the squared-error fit, despite the outliers", () => {
    const err = ([w, b]: [number, number]) => Math.abs(w - 2) + Math.abs(b - 1);
    expect(err(r.fits.logCosh)).toBeLessThan(err(r.fits.mse));
  });
});
