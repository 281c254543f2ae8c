import { describe, expect, it } from "vitest";
import { GraphError, ShapeError } from "../errors.js";
import { defineOp } from "../ops/define-op.js";
import { ones, tensor, zeros } from "../tensor/create.js";
import type { Tensor } from "../tensor/tensor.js";
import { gradients } from "./functional.js";
import { enableGrad, isGradEnabled, noGrad } from "./grad-mode.js";

const f64 = { dtype: "float64" } as const;
const leaf = (v: number[]) => tensor(v, { ...f64, requiresGrad: true });

describe("backward", () => {
  it("accumulates the gradient of a tensor used more than once", () => {
    const x = leaf([2, -1]);
    x.mul(x).add(x).sum().backward(); // d/dx (x² + x) = 2x + 1
    expect(x.grad?.toArray()).toEqual([5, -1]);
  });

  it("visits a diamond-shaped graph once per path (no double counting)", () => {
    const x = leaf([3]);
    const y = x.mul(2);
    const z = y.add(y.mul(y)); // z = 2x + 4x², dz/dx = 2 + 8x
    z.sum().backward();
    expect(x.grad?.item()).toBe(26);
  });

  it("adds into .grad across calls, like PyTorch", () => {
    const x = leaf([1]);
    x.mul(3).sum().backward();
    x.mul(3).sum().backward();
    expect(x.grad?.item()).toBe(6);
  });

  it("frees the graph: a second backward is a clear GraphError unless retainGraph", () => {
    const x = leaf([1, 2]);
    const loss = x.mul(x).sum();
    loss.backward();
    expect(() => loss.backward()).toThrow(GraphError);
    const again = x.mul(x).sum();
    again.backward();
    expect(() => again.backward()).toThrow(
      /^backward: trying to go through the graph a second time: the buffers of (sum|mul) were freed by an earlier backward; pass \{ retainGraph: true \}/,
    );

    const y = leaf([1, 2]);
    const kept = y.mul(y).sum();
    kept.backward(undefined, { retainGraph: true });
    kept.backward();
    expect(y.grad?.toArray()).toEqual([4, 8]);
  });

  it("takes an explicit gradient for a non-scalar output, and requires one", () => {
    const x = leaf([1, 2, 3]);
    const y = x.mul(2);
    y.backward(tensor([1, 10, 100], f64));
    expect(x.grad?.toArray()).toEqual([2, 20, 200]);

    const z = leaf([1, 2]).mul(2);
    expect(() => z.backward()).toThrow(GraphError);
    expect(() => z.backward()).toThrow(
      "backward: a gradient can be created implicitly only for a one-element output, got shape [2]; pass a gradient of that shape",
    );
    expect(() => z.backward(tensor([1, 2, 3], f64))).toThrow(ShapeError);
    expect(() => z.backward(tensor([1, 2, 3], f64))).toThrow(
      "backward: gradient has shape [3] but the output has shape [2]",
    );
    // a number is broadcast to the output's shape
    const w = leaf([1, 2]);
    w.mul(3).backward(2);
    expect(w.grad?.toArray()).toEqual([6, 6]);
  });

  it("refuses backward from a tensor that does not require grad", () => {
    expect(() => tensor([1]).sum().backward()).toThrow(GraphError);
    expect(() => tensor([1]).sum().backward()).toThrow(
      /^backward: this tensor does not require grad/,
    );
  });

  it("keeps .grad of non-leaves only with retainGrad", () => {
    const x = leaf([1, 2]);
    const h = x.mul(3);
    const k = x.mul(4).retainGrad();
    h.add(k).mul(h).sum().backward();
    expect(h.grad).toBeNull();
    expect(k.grad?.toArray()).toEqual([3, 6]);
    expect(() => tensor([1]).retainGrad()).toThrow("retainGrad: this tensor does not require grad");
  });

  it("detach cuts the graph but shares the values", () => {
    const x = leaf([2]);
    const d = x.detach();
    expect(d.requiresGrad).toBe(false);
    expect(d.isLeaf).toBe(true);
    x.mul(d).sum().backward(); // d is a constant: ∂(x·d)/∂x = d
    expect(x.grad?.item()).toBe(2);
    expect(d.toArray()).toEqual(x.toArray());
  });

  it("noGrad records nothing; enableGrad records inside it", () => {
    const x = leaf([1]);
    const y = noGrad(() => x.mul(2));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradFn).toBeUndefined();
    expect(isGradEnabled()).toBe(true);
    const z = noGrad(() => {
      expect(isGradEnabled()).toBe(false);
      return enableGrad(() => x.mul(2));
    });
    expect(z.gradFn).toBe("mul");
    // the mode is restored when fn throws
    expect(() =>
      noGrad(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(isGradEnabled()).toBe(true);
  });

  it("runs hooks, lets them replace the gradient, and removes them", () => {
    const x = leaf([1, 2]);
    const seen: number[][] = [];
    const h = x.registerHook((g) => {
      seen.push([...g.data()]);
      return undefined;
    });
    const double = x.registerHook((g) => g.mul(2));
    x.mul(tensor([3, 4], f64))
      .sum()
      .backward();
    expect(seen).toEqual([[3, 4]]);
    expect(x.grad?.toArray()).toEqual([6, 8]);

    h.remove();
    double.remove();
    x.grad = null;
    x.mul(tensor([3, 4], f64))
      .sum()
      .backward();
    expect(seen).toHaveLength(1);
    expect((x.grad as Tensor | null)?.toArray()).toEqual([3, 4]);
  });

  it("hooks on intermediate tensors change what flows further down", () => {
    const x = leaf([1]);
    const y = x.mul(5);
    y.registerHook((g) => g.mul(0));
    y.add(x).sum().backward();
    expect(x.grad?.item()).toBe(1);
  });

  it("rejects a hook that returns the wrong shape and hooks on non-grad tensors", () => {
    const x = leaf([1, 2]);
    x.registerHook(() => zeros([3], f64));
    expect(() => x.sum().backward()).toThrow(ShapeError);
    expect(() => tensor([1]).registerHook((g) => g)).toThrow(
      "registerHook: cannot register a hook on a tensor that does not require grad",
    );
    const y = leaf([1, 2]);
    y.registerHook(() => zeros([3], f64));
    expect(() => y.sum().backward()).toThrow(
      "registerHook: a hook returned a gradient of shape [3] for a tensor of shape [2]",
    );
  });

  it("detects a saved tensor modified in place after use (version counter)", () => {
    const x = leaf([1, 2]);
    const w = tensor([3, 4], f64); // a constant saved by mul for ∂/∂x
    const y = x.mul(w).sum();
    w.add_(1);
    expect(() => y.backward()).toThrow(GraphError);
    const x2 = leaf([1, 2]);
    const w2 = tensor([3, 4], f64);
    const y2 = x2.mul(w2).sum();
    w2.detach().mul_(2); // a view shares the storage and its version
    expect(() => y2.backward()).toThrow(
      "backward: input 1 of mul (shape [2]) was modified in place after the op used it; its gradient would be wrong",
    );
  });

  it("forbids in-place updates of a tensor that requires grad while recording", () => {
    const w = leaf([1]);
    expect(() => w.add_(1)).toThrow(GraphError);
    expect(() => w.sub_(1)).toThrow(
      "sub_: a tensor that requires grad cannot be modified in place while grad is recorded; wrap the update in noGrad(() => …)",
    );
    expect(() => w.zero_()).toThrow(/^fill_: a tensor that requires grad/);
    noGrad(() => w.sub_(tensor([0.5], f64), 2));
    expect(w.toArray()).toEqual([0]);
  });

  it("only leaves can change requiresGrad, and only float tensors can require grad", () => {
    const y = leaf([1]).mul(2);
    expect(() => {
      y.requiresGrad = false;
    }).toThrow(GraphError);
    expect(() => {
      y.requiresGrad = false;
    }).toThrow(/^requiresGrad: can only be set on leaf tensors; this one was produced by mul/);
    expect(() => tensor([1], { dtype: "int32" }).requiresGrad_()).toThrow(
      "requiresGrad: only floating-point tensors can require grad, got int32",
    );
  });

  it("goes through a chain 100,000 ops deep without overflowing the stack", () => {
    const x = leaf([1]);
    let y: Tensor = x;
    const c = 1 + 1e-5;
    for (let i = 0; i < 100_000; i++) y = y.mul(c);
    y.sum().backward();
    // d/dx (c^N x) = c^N; rounding of 100,000 products stays far below 1e-9 relative
    const expected = c ** 100_000;
    expect(Math.abs((x.grad?.item() as number) / expected - 1)).toBeLessThan(1e-9);
  });

  it("does not record gradients into int32 tensors or non-differentiable paths", () => {
    const x = leaf([1.5, 2.5]);
    const mask = x.gt(2);
    const y = x.mul(mask.double()).sum();
    y.backward();
    expect(x.grad?.toArray()).toEqual([0, 1]);
    expect(ones([1]).requiresGrad).toBe(false);
  });
});

describe("gradients never alias", () => {
  it("two leaves that receive the same gradient get separate storage", () => {
    const a = tensor([1, 2], { requiresGrad: true });
    const b = tensor([3, 4], { requiresGrad: true });
    a.add(b).sum().backward();
    noGrad(() => (a.grad as Tensor).mul_(10));
    expect((b.grad as Tensor).toArray()).toEqual([1, 1]);
    expect((a.grad as Tensor).toArray()).toEqual([10, 10]);
  });

  it("a leaf's .grad is not the caller's seed gradient", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const seed = tensor([5, 6]);
    x.backward(seed);
    noGrad(() => (x.grad as Tensor).zero_());
    expect(seed.toArray()).toEqual([5, 6]);
  });
});

describe("a sum's gradient is expanded only where a rule needs it", () => {
  // an elementwise op whose rule takes the gradient as it comes (broadcastGradient), and reports it
  const shapes: number[][] = [];
  const double = defineOp<[Tensor]>({
    name: "testDoubleBroadcastGrad",
    shape: ([x]) => x.shape,
    compute: ([x]) => x.mul(2),
    broadcastGradient: true,
    vjp: (g) => {
      shapes.push([...g.shape]);
      return [g.mul(2)];
    },
  });

  it("reaches a rule that takes it unexpanded, and leaves at their full shape", () => {
    shapes.length = 0;
    const x = leaf([1, 2, 3, 4, 5, 6]).reshape([2, 3]);
    const y = double([x]);
    y.sum().backward(undefined, { retainGraph: true });
    y.sum(1).sum().backward();
    expect(shapes).toEqual([
      [1, 1],
      [2, 1],
    ]);
    const w = leaf([1, 2, 3]);
    double([w]).sum().backward();
    expect(w.grad?.shape).toEqual([3]);
    expect(w.grad?.toArray()).toEqual([2, 2, 2]);
  });

  it("is expanded for hooks, retained gradients, gradients() and rules that need the full shape", () => {
    const x = leaf([1, -2, 3]);
    const seen: number[][] = [];
    const y = x.mul(3);
    y.registerHook((g) => {
      seen.push([...g.shape]);
      return undefined;
    });
    const z = x.exp().retainGrad();
    y.add(z).sum().backward();
    expect(seen).toEqual([[3]]);
    expect(z.grad?.toArray()).toEqual([1, 1, 1]);
    const [gy] = gradients([double([x]).sum()], [x]);
    expect(gy?.shape).toEqual([3]);
    // a rule without broadcastGradient (mul's) gets the output's shape
    const [gm] = gradients([x.mul(x).sum()], [x]);
    expect(gm?.toArray()).toEqual([2, -4, 6]);
  });

  it("gives the same second derivatives through a graph of the backward pass", () => {
    const x = leaf([0.5, -1.5]);
    const [g] = gradients([double([x.mul(x)]).sum()], [x], { createGraph: true });
    expect(g?.toArray()).toEqual([2, -6]); // d/dx 2x² = 4x
    const [gg] = gradients([(g as Tensor).sum()], [x]);
    expect(gg?.toArray()).toEqual([4, 4]);
  });
});
