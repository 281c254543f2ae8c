import { describe, expect, it } from "vitest";
import { noGrad } from "../autodiff/grad-mode.js";
import { DTypeError, ShapeError } from "../errors.js";
import { observeOps } from "../ops/op-observer.js";
import { Generator } from "../random/generator.js";
import { ones, randn, tensor, zeros } from "./create.js";
import type { Tensor } from "./tensor.js";

describe("Tensor", () => {
  it("reads back as nested arrays, typed-array copies and items", () => {
    const t = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: "float64" },
    );
    expect(t.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    const d = t.data();
    expect(d).toBeInstanceOf(Float64Array);
    d[0] = 99;
    expect(t.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(tensor(5).toArray()).toBe(5);
    expect(tensor([[7]]).item()).toBe(7);
    expect(tensor([1], { dtype: "int32" }).data()).toBeInstanceOf(Int32Array);
    expect(zeros([2, 0]).toArray()).toEqual([[], []]);
  });

  it("item() needs exactly one element", () => {
    expect(() => tensor([1, 2]).item()).toThrow(ShapeError);
    expect(() => tensor([1, 2]).item()).toThrow(
      "item: only a tensor with one element has an item, got shape [2]",
    );
  });

  it("chains ops: x.matmul(w).add(b).sum()", () => {
    const x = tensor([[1, 2]]);
    const w = tensor([[1], [1]], { requiresGrad: true });
    const b = tensor([0.5], { requiresGrad: true });
    const loss = x.matmul(w).add(b).sum();
    expect(loss.item()).toBe(3.5);
    loss.backward();
    expect(w.grad?.toArray()).toEqual([[1], [2]]);
    expect(b.grad?.toArray()).toEqual([1]);
    expect(tensor([[1, 2, 3]]).T.toArray()).toEqual([[1], [2], [3]]);
    expect(() => zeros([1, 1, 1]).T).toThrow(
      "T: only defined for rank ≤ 2, got shape [1, 1, 1]; use permute",
    );
  });

  it("updates in place: copy_ (broadcast), add_/sub_ with alpha, mul_, div_, fill_, zero_", () => {
    const w = zeros([2, 2], { dtype: "float64" });
    w.copy_(tensor([1, 2], { dtype: "float64" }));
    expect(w.toArray()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    w.add_(
      tensor(
        [
          [1, 1],
          [1, 1],
        ],
        { dtype: "float64" },
      ),
      2,
    );
    w.sub_(1);
    w.mul_(2);
    w.div_(4);
    expect(w.toArray()).toEqual([
      [1, 1.5],
      [1, 1.5],
    ]);
    w.fill_(3);
    expect(w.toArray()).toEqual([
      [3, 3],
      [3, 3],
    ]);
    w.zero_();
    expect(w.toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    // As in PyTorch, an in-place op whose result is float cannot write into an int32 tensor.
    const i = tensor([5, 7], { dtype: "int32" });
    expect(() => i.div_(2)).toThrow(DTypeError);
    expect(i.toArray()).toEqual([5, 7]);
    expect(() => ones([2]).add_(ones([3]))).toThrow(ShapeError);
    expect(() => ones([2]).add_(ones([2, 2]))).toThrow(
      "add_: the result has shape [2, 2] but this tensor has shape [2]",
    );
  });

  it("in-place updates of parameters work under noGrad, and views see them", () => {
    const p = tensor([1, 2], { requiresGrad: true });
    const view = p.detach();
    noGrad(() => p.sub_(tensor([0.5, 0.5]), 2));
    expect(p.toArray()).toEqual([0, 1]);
    expect(view.toArray()).toEqual([0, 1]);
    expect(p.requiresGrad).toBe(true);
  });

  it("dtype conversions: to, float, double, int", () => {
    const x = tensor([1.9, -1.9], { dtype: "float64" });
    expect(x.to("float64")).toBe(x);
    expect(x.float().dtype).toBe("float32");
    expect(x.int().toArray()).toEqual([1, -1]);
    expect(x.int().double().dtype).toBe("float64");
  });

  it("tensors get distinct ids; leaves have no gradFn", () => {
    const a = tensor([1]);
    const b = tensor([1]);
    expect(a.id).not.toBe(b.id);
    expect(a.isLeaf).toBe(true);
    expect(a.gradFn).toBeUndefined();
  });
});

describe("add_/sub_ with a same-shape tensor (the optimiser update, one backend kernel)", () => {
  it.each(["float32", "float64"] as const)(
    "equals the out-of-place result in %s and writes through views",
    (dtype) => {
      const w = randn([3, 4], { dtype, generator: new Generator(1) });
      const g = randn([3, 4], { dtype, generator: new Generator(2) });
      const original = w.data();
      const expected = w.sub(g.mul(0.3)).data(); // out of place: each step rounded to dtype
      const view = w.reshape([12]);
      w.sub_(g, 0.3);
      const got = w.data();
      got.forEach((v, i) => {
        const e = expected[i] as number;
        expect(Math.abs(v - e)).toBeLessThanOrEqual(
          dtype === "float32" ? 2e-7 * Math.max(1, Math.abs(e)) : 0,
        );
      });
      expect(Array.from(view.data())).toEqual(Array.from(got));
      w.add_(g, 0.3); // undoes the update, up to rounding
      w.data().forEach((v, i) => {
        expect(Math.abs(v - (original[i] as number))).toBeLessThan(1e-6);
      });
    },
  );
});

describe("in-place updates run as one kernel with the bits of the out-of-place ops", () => {
  it.each(["float32", "float64"] as const)("add_, sub_, mul_, div_ (%s)", (dtype) => {
    const g = randn([5, 7], { dtype, generator: new Generator(4) });
    for (const alpha of [1, 0.3, -1e-3 / 7]) {
      const cases = [
        ["add_", (w: Tensor) => w.add_(g, alpha), (w: Tensor) => w.add(g.mul(alpha))],
        ["sub_", (w: Tensor) => w.sub_(g, alpha), (w: Tensor) => w.sub(g.mul(alpha))],
        ["mul_", (w: Tensor) => w.mul_(g), (w: Tensor) => w.mul(g)],
        ["div_", (w: Tensor) => w.div_(g), (w: Tensor) => w.div(g)],
        ["mul_ number", (w: Tensor) => w.mul_(alpha), (w: Tensor) => w.mul(alpha)],
        ["add_ number", (w: Tensor) => w.add_(alpha), (w: Tensor) => w.add(alpha)],
      ] as const;
      for (const [what, inPlace, outOfPlace] of cases) {
        const w = randn([5, 7], { dtype, generator: new Generator(3) });
        const want = outOfPlace(w).data();
        const version = w._storage.version;
        const view = w.reshape([35]);
        expect(inPlace(w), what).toBe(w);
        expect(Array.from(w.data()), `${what} alpha ${alpha}`).toEqual(Array.from(want));
        expect(Array.from(view.data()), what).toEqual(Array.from(want));
        expect(w._storage.version, what).toBe(version + 1);
      }
    }
  });

  it("keeps the errors of the general path, and op observers still see the ops", () => {
    const p = tensor([1, 2], { requiresGrad: true });
    expect(() => p.sub_(tensor([1, 1]), 0.1)).toThrow(
      "sub_: a tensor that requires grad cannot be modified in place while grad is recorded",
    );
    expect(p.toArray()).toEqual([1, 2]);
    const names: string[] = [];
    const w = tensor([1, 2]);
    observeOps(
      (call) => names.push(call.def.name),
      () => w.sub_(tensor([1, 1]), 0.5),
    );
    expect(names).toEqual(["mul", "sub"]);
    expect(w.toArray()).toEqual([0.5, 1.5]);
  });
});
