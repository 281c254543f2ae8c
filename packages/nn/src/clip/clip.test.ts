import { ArgumentError, FluxionError, type Tensor, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { Parameter } from "../module/parameter.js";
import { expectClose, flat, gradOf } from "../test-utils/close.js";
import { clipGradNorm_ } from "./clip-grad-norm.js";
import { clipGradValue_ } from "./clip-grad-value.js";

const f64 = { dtype: "float64" } as const;

/** Parameters whose gradients are the given values. */
function withGrads(...grads: number[][]): Parameter[] {
  return grads.map((g) => {
    const p = new Parameter(
      tensor(
        g.map(() => 0),
        f64,
      ),
    );
    p.grad = tensor(g, f64);
    return p;
  });
}

describe("clipGradNorm_", () => {
  it("scales all gradients by maxNorm / (total + 1e-6) when the total 2-norm is larger", () => {
    // total 2-norm of [3, 4] and [12] is √(9 + 16 + 144) = 13
    const ps = withGrads([3, 4], [12]);
    const norm = clipGradNorm_(ps, 6.5);
    expect(norm.dtype).toBe("float64");
    expectClose(norm, 13);
    const c = 6.5 / (13 + 1e-6);
    expectClose(gradOf(ps[0] as Tensor), [3 * c, 4 * c]);
    expectClose(gradOf(ps[1] as Tensor), [12 * c]);
  });

  it("leaves gradients with a smaller norm unchanged and skips parameters without one", () => {
    const ps = withGrads([0.3, 0.4]);
    const noGrad = new Parameter(tensor([1, 2], f64));
    expectClose(clipGradNorm_([...ps, noGrad], 1), 0.5);
    expect(flat(gradOf(ps[0] as Tensor))).toEqual([0.3, 0.4]);
    expect(noGrad.grad).toBeNull();
    expect(clipGradNorm_([noGrad], 1).item()).toBe(0);
  });

  it("supports the 1-norm, other p-norms and the infinity norm", () => {
    expectClose(clipGradNorm_(withGrads([1, -2], [3]), 100, { normType: 1 }), 6);
    expectClose(clipGradNorm_(withGrads([1, -2], [3]), 100, { normType: 3 }), 36 ** (1 / 3));
    const ps = withGrads([1, -5], [3]);
    expectClose(clipGradNorm_(ps, 2, { normType: Infinity }), 5);
    const c = 2 / (5 + 1e-6);
    expectClose(gradOf(ps[0] as Tensor), [c, -5 * c]);
    // a single tensor works too
    const single = withGrads([6, 8])[0] as Parameter;
    expectClose(clipGradNorm_(single, 5), 10);
    expectClose(gradOf(single), [6 * (5 / (10 + 1e-6)), 8 * (5 / (10 + 1e-6))]);
  });

  it("throws on a non-finite norm only when errorIfNonfinite is set", () => {
    expect(() => clipGradNorm_(withGrads([1, Infinity]), 1, { errorIfNonfinite: true })).toThrow(
      FluxionError,
    );
    expect(() => clipGradNorm_(withGrads([Number.NaN]), 1, { errorIfNonfinite: true })).toThrow(
      /clipGradNorm_: the total norm of order 2 of the gradients is NaN/,
    );
    expect(clipGradNorm_(withGrads([1, Infinity]), 1).item()).toBe(Infinity);
  });

  it("rejects bad arguments", () => {
    expect(() => clipGradNorm_(withGrads([1]), 1, { normType: 0 })).toThrow(ArgumentError);
    expect(() => clipGradNorm_(withGrads([1]), 1, { normType: -2 })).toThrow(
      /clipGradNorm_: normType must be a positive number or Infinity, got -2/,
    );
    expect(() => clipGradNorm_(withGrads([1]), Number.NaN)).toThrow(/maxNorm must be a number/);
    expect(() => clipGradNorm_([1] as unknown as Tensor[], 1)).toThrow(
      /clipGradNorm_: parameter 0 is not a Tensor/,
    );
  });
});

describe("clipGradValue_", () => {
  it("clamps every gradient to [−c, c] in place", () => {
    const ps = withGrads([-3, 0.5, 2], [0.1]);
    const before = ps[0]?.grad;
    clipGradValue_(ps, 1);
    expect(ps[0]?.grad).toBe(before);
    expect(flat(gradOf(ps[0] as Tensor))).toEqual([-1, 0.5, 1]);
    expect(flat(gradOf(ps[1] as Tensor))).toEqual([0.1]);
    expect(() => clipGradValue_(ps, -1)).toThrow(
      /clipGradValue_: clipValue must be a non-negative number, got -1/,
    );
  });
});
