/** Issue 10: losses whose gradients must match PyTorch's where the naive formula breaks down. */
import { gelu } from "@fluxion/activations";
import { gradients, tensor } from "@fluxion/core";
import { binaryCrossEntropy, crossEntropy, nllLoss } from "@fluxion/nn";
import { describe, expect, it } from "vitest";

const f64 = { dtype: "float64" } as const;

describe("every target ignored", () => {
  const ignored = tensor([-100, -100], { dtype: "int32" });
  for (const [name, loss] of [
    ["crossEntropy", crossEntropy],
    ["nllLoss", nllLoss],
  ] as const) {
    it(`${name} with reduction "mean": NaN loss (as PyTorch) but a zero gradient`, () => {
      const x = tensor(
        [
          [1, 2, 3],
          [3, 4, 5],
        ],
        { requiresGrad: true },
      );
      const l = loss(x, ignored);
      expect(l.item()).toBeNaN();
      l.backward();
      expect(x.grad?.toArray()).toEqual([
        [0, 0, 0],
        [0, 0, 0],
      ]);
    });
    it(`${name} with a class weight and half the targets ignored is finite`, () => {
      const x = tensor(
        [
          [1, 2, 3],
          [3, 4, 5],
        ],
        { requiresGrad: true },
      );
      loss(x, tensor([1, -100], { dtype: "int32" }), { weight: tensor([1, 2, 3]) }).backward();
      for (const v of (x.grad?.data() ?? []) as Iterable<number>)
        expect(Number.isFinite(v)).toBe(true);
      expect(x.grad?.toArray()).toMatchObject([
        [expect.any(Number), expect.any(Number), expect.any(Number)],
        [0, 0, 0],
      ]);
    });
  }
  it("crossEntropy with label smoothing and every target ignored: zero gradient", () => {
    const x = tensor([[1, 2, 3]], { requiresGrad: true });
    crossEntropy(x, tensor([-100], { dtype: "int32" }), { labelSmoothing: 0.1 }).backward();
    expect(x.grad?.toArray()).toEqual([[0, 0, 0]]);
  });
});

describe("binaryCrossEntropy backward follows PyTorch's (x − y)/max(x(1 − x), 1e-12)", () => {
  const grad = (x: number, y: number) => {
    const t = tensor([x], { requiresGrad: true, ...f64 });
    binaryCrossEntropy(t, tensor([y], f64), { reduction: "sum" }).backward();
    return t.grad?.item() as number;
  };
  it("x = 0, y = 1: the log is clamped at −100 but the gradient is −1e12", () => {
    expect(grad(0, 1)).toBeCloseTo(-1e12, -1);
  });
  it("x = 1, y = 0: +1e12", () => {
    expect(grad(1, 0)).toBeCloseTo(1e12, -1);
  });
  it("x = 1 − 1.1e-16, y = 0: about 1e12, not 9e15", () => {
    expect(grad(1 - 1.1e-16, 0) / 1e12).toBeCloseTo(1, 3);
  });
  it("in the interior it is the analytic derivative", () => {
    for (const [x, y] of [
      [0.3, 0.8],
      [0.9, 0],
      [1e-6, 1],
      [0.5, 0.5],
    ] as const) {
      expect(grad(x, y)).toBeCloseTo((x - y) / (x * (1 - x)), 6);
    }
  });
  it("the loss value stays PyTorch's clamped one", () => {
    const l = binaryCrossEntropy(tensor([0, 0.5], f64), tensor([1, 1], f64), { reduction: "none" });
    expect(l.toArray()).toEqual([100, Math.LN2]);
  });
  it("the target gets the gradient log(1 − x) − log x (clamped)", () => {
    const y = tensor([0.25], { requiresGrad: true, ...f64 });
    binaryCrossEntropy(tensor([0.3], f64), y, { reduction: "sum" }).backward();
    expect(y.grad?.item()).toBeCloseTo(Math.log(0.7) - Math.log(0.3), 12);
  });
  it("grad of grad: the second derivative is d/dx of PyTorch's formula", () => {
    const x = tensor([0.3], { requiresGrad: true, ...f64 });
    const l = binaryCrossEntropy(x, tensor([0.8], f64), { reduction: "sum" });
    const [g] = gradients([l], [x], { createGraph: true });
    g?.sum().backward();
    // d/dx (x − y)/(x − x²) = [(x − x²) − (x − y)(1 − 2x)] / (x − x²)²
    const [xv, yv] = [0.3, 0.8];
    const d = xv - xv * xv;
    expect(x.grad?.item()).toBeCloseTo((d - (xv - yv) * (1 - 2 * xv)) / (d * d), 8);
  });
});

describe("exact GELU at infinity", () => {
  for (const dtype of ["float32", "float64"] as const) {
    it(`${dtype}: f'(+∞) = 1, f'(−∞) = 0`, () => {
      const x = tensor([Infinity, -Infinity], { requiresGrad: true, dtype });
      gelu(x).sum().backward();
      expect(x.grad?.toArray()).toEqual([1, 0]);
    });
  }
});
