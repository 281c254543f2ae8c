/**
 * Issue 10: outputs saved for backward are version-checked like inputs (PyTorch's "modified by an
 * inplace operation"), and gradient hooks may only return a tensor of the gradient's shape and dtype.
 */
import { softmax } from "@fluxion/activations";
import { GraphError, noGrad, type Tensor, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";

const leaf = () => tensor([0.5, 1, 2], { requiresGrad: true, dtype: "float64" });

describe("in-place changes to a saved output", () => {
  const cases: [string, (x: Tensor) => Tensor][] = [
    ["exp", (x) => x.exp()],
    ["sqrt", (x) => x.sqrt()],
    ["softmax", (x) => softmax(x)],
    ["div", (x) => x.div(x.add(1))],
    ["max", (x) => x.max()],
  ];
  for (const [name, f] of cases) {
    it(`${name}: y.mul_(0) under noGrad makes backward throw`, () => {
      const x = leaf();
      const y = f(x);
      noGrad(() => y.mul_(0));
      expect(() =>
        y
          .mul(tensor(1, { dtype: "float64" }))
          .sum()
          .backward(),
      ).toThrow(GraphError);
    });
    it(`${name}: y.detach().fill_ makes backward throw, naming the op`, () => {
      const x = leaf();
      const y = f(x);
      y.detach().fill_(100);
      expect(() => y.sum().backward()).toThrow(new RegExp(`inplace.*output of ${name}`));
    });
  }

  it("an op whose rule does not read its output still allows it (add)", () => {
    const x = leaf();
    const y = x.add(1);
    noGrad(() => y.mul_(0));
    y.sum().backward();
    expect(x.grad?.toArray()).toEqual([1, 1, 1]);
  });

  it("an unmodified output gives the right gradient", () => {
    const x = leaf();
    x.exp().sum().backward();
    expect(x.grad?.toArray()).toEqual([0.5, 1, 2].map(Math.exp));
  });
});

describe("gradient hooks", () => {
  it("a hook returning another dtype is an error naming registerHook", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.registerHook((g) => g.to("float64"));
    expect(() => x.sum().backward()).toThrow(/registerHook.*float64.*float32/);
  });
  it("a hook returning a non-tensor is an error", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.registerHook((() => 5) as unknown as (g: Tensor) => Tensor);
    expect(() => x.sum().backward()).toThrow(/registerHook.*number/);
  });
  it("a hook returning a wrong shape is an error", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.registerHook((g) => g.sum());
    expect(() => x.sum().backward()).toThrow(/registerHook.*shape \[\].*\[2\]/);
  });
  it("a hook returning undefined keeps the gradient; one returning a tensor replaces it", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.registerHook(() => undefined);
    x.registerHook((g) => g.mul(3));
    x.sum().backward();
    expect(x.grad?.toArray()).toEqual([3, 3]);
  });
  it("registerHook refuses a non-function", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    expect(() => x.registerHook(5 as unknown as (g: Tensor) => Tensor)).toThrow(
      /registerHook: hook must be a function/,
    );
  });
});
