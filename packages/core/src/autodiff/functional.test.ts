import { describe, expect, it } from "vitest";
import { ArgumentError, GraphError } from "../errors.js";
import { exp } from "../ops/exp.js";
import { tensor } from "../tensor/create.js";
import type { Tensor } from "../tensor/tensor.js";
import { grad, gradients, valueAndGrad, vjp } from "./functional.js";

const f64 = { dtype: "float64" } as const;
const scalar = (v: number) => tensor(v, f64);
const points = [-2, -0.5, 0.3, 1, 2.5];

/** |a − b| ≤ 1e-12·max(1, |b|) */
function expectClose(a: number, b: number) {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
}

describe("grad, valueAndGrad, vjp, gradients", () => {
  it("grad differentiates argument 0, or those named by argnums, without touching .grad", () => {
    const x = tensor([1, 2], { ...f64, requiresGrad: true });
    const y = tensor([3, 4], f64);
    const g = grad((a: Tensor, b: Tensor) => a.mul(b).sum())(x, y);
    expect(g.toArray()).toEqual([3, 4]);
    expect(x.grad).toBeNull();
    const [ga, gb] = grad((a: Tensor, b: Tensor) => a.mul(b).sum(), { argnums: [0, 1] })(x, y);
    expect(ga?.toArray()).toEqual([3, 4]);
    expect(gb?.toArray()).toEqual([1, 2]);
    // a JS number argument becomes a float64 scalar
    expect(grad((a: Tensor) => a.mul(a))(3).item()).toBe(6);
  });

  it("valueAndGrad returns the value (detached) and the gradient", () => {
    const [v, g] = valueAndGrad((a: Tensor) => a.pow(2).sum())(tensor([1, 2, 3], f64));
    expect(v.item()).toBe(14);
    expect(v.requiresGrad).toBe(false);
    expect(g.toArray()).toEqual([2, 4, 6]);
  });

  it("grad of a function that does not depend on its argument is 0", () => {
    expect(grad(() => scalar(5))(tensor([1, 2], f64)).toArray()).toEqual([0, 0]);
  });

  it("errors: non-scalar output, bad argnums, int32 argument, non-tensor result", () => {
    expect(() => grad((a: Tensor) => a.mul(2))(tensor([1, 2], f64))).toThrow(GraphError);
    expect(() => grad((a: Tensor) => a.mul(2))(tensor([1, 2], f64))).toThrow(
      "grad: the function must return a one-element tensor, got shape [2]; use vjp for other outputs",
    );
    expect(() => grad((a: Tensor) => a.sum(), { argnums: 1 })(scalar(1))).toThrow(
      "grad: argnums names argument 1 but the function was called with 1",
    );
    expect(() => grad((a: Tensor) => a.sum())(tensor([1], { dtype: "int32" }))).toThrow(
      ArgumentError,
    );
    expect(() => grad((a: Tensor) => a.sum())(tensor([1], { dtype: "int32" }))).toThrow(
      "grad: argument 0 is int32; only float tensors can be differentiated",
    );
    expect(() => grad((() => 3) as unknown as (a: Tensor) => Tensor)(scalar(1))).toThrow(
      "grad: the function must return a Tensor",
    );
  });

  it("vjp returns the output and a pullback that can be called many times", () => {
    const [y, pullback] = vjp(
      (a: Tensor, b: Tensor) => a.mul(b),
      tensor([1, 2], f64),
      tensor([3, 4], f64),
    );
    expect(y.toArray()).toEqual([3, 8]);
    const [ga, gb] = pullback(tensor([1, 10], f64));
    expect(ga?.toArray()).toEqual([3, 40]);
    expect(gb?.toArray()).toEqual([1, 20]);
    const [ga2] = pullback(tensor([2, 0], f64));
    expect(ga2?.toArray()).toEqual([6, 0]);
  });

  it("gradients returns zeros for inputs the outputs do not depend on", () => {
    const x = tensor([1, 2], { ...f64, requiresGrad: true });
    const unused = tensor([5], { ...f64, requiresGrad: true });
    const [gx, gu] = gradients([x.mul(x).sum()], [x, unused]);
    expect(gx?.toArray()).toEqual([2, 4]);
    expect(gu?.toArray()).toEqual([0]);
    expect(x.grad).toBeNull();
  });
});

describe("second derivatives, closed forms to 1e-12", () => {
  const d2 = (f: (x: Tensor) => Tensor) => grad(grad(f));

  it("exp'' = exp", () => {
    for (const p of points) expectClose(d2((x) => x.exp())(scalar(p)).item(), Math.exp(p));
  });

  it("log'' = −1/x²", () => {
    for (const p of [0.2, 0.5, 1, 3, 10])
      expectClose(d2((x) => x.log())(scalar(p)).item(), -1 / (p * p));
  });

  it("(x³)'' = 6x, both as x·x·x and as pow(x, 3); (x³)''' = 6", () => {
    for (const p of points) {
      expectClose(d2((x) => x.mul(x).mul(x))(scalar(p)).item(), 6 * p);
      expectClose(d2((x) => x.pow(3))(scalar(p)).item(), 6 * p);
      expectClose(grad(d2((x) => x.mul(x).mul(x)))(scalar(p)).item(), 6);
    }
  });

  it("the logistic function composed from exp: σ'' = σ(1 − σ)(1 − 2σ)", () => {
    const sigma = (x: Tensor) => exp(x.neg()).add(1).pow(-1);
    for (const p of points) {
      const s = 1 / (1 + Math.exp(-p));
      expectClose(grad(sigma)(scalar(p)).item(), s * (1 - s));
      expectClose(d2(sigma)(scalar(p)).item(), s * (1 - s) * (1 - 2 * s));
    }
  });

  it("a Hessian-vector product of xᵀAx is (A + Aᵀ)v", () => {
    const A = [
      [2, -1, 0.5],
      [3, 1, -2],
      [0, 4, 1.5],
    ];
    const v = [0.3, -1.2, 2];
    const At = tensor(A, f64);
    const f = (x: Tensor) => x.matmul(At).matmul(x);
    const hvp = grad((x: Tensor) => grad(f)(x).mul(tensor(v, f64)).sum());
    const expected = A.map((row, i) =>
      row.reduce((s, _, j) => s + ((A[i]?.[j] ?? 0) + (A[j]?.[i] ?? 0)) * (v[j] ?? 0), 0),
    );
    for (const x0 of [
      [1, 2, 3],
      [-0.5, 0, 4],
    ]) {
      const got = hvp(tensor(x0, f64)).data();
      expected.forEach((e, i) => {
        expectClose(got[i] as number, e);
      });
    }
    // the same through vjp of the gradient
    const [, pullback] = vjp((x: Tensor) => grad(f)(x), tensor([1, 2, 3], f64));
    const [viaVjp] = pullback(tensor(v, f64));
    expected.forEach((e, i) => {
      expectClose(viaVjp?.data()[i] as number, e);
    });
  });

  it("backward({ createGraph }) records the backward pass for a second derivative", () => {
    const x = tensor([2], { ...f64, requiresGrad: true });
    const y = x.pow(4).sum();
    const [g] = gradients([y], [x], { createGraph: true });
    expect(g?.item()).toBe(32);
    (g as Tensor).sum().backward();
    expect(x.grad?.item()).toBe(48); // 12x²
  });
});
