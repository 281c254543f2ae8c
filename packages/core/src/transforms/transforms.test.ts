import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError, GraphError, ShapeError } from "../errors.js";
import { gradcheck, gradgradcheck } from "../gradcheck/gradcheck.js";
import { stack } from "../ops/concat.js";
import { Generator } from "../random/generator.js";
import { randn, tensor } from "../tensor/create.js";
import type { Tensor } from "../tensor/tensor.js";
import { checkpoint } from "./checkpoint.js";
import { hessian } from "./hessian.js";
import { hvp } from "./hvp.js";
import { jacobian } from "./jacobian.js";
import { jvp } from "./jvp.js";
import { vmap } from "./vmap.js";

const f64 = { dtype: "float64" } as const;
const gen = (s: number) => ({ ...f64, generator: new Generator(s) });
const flat = (t: Tensor) => Array.from(t.data());

function expectClose(a: number[], b: number[], tol = 1e-7): void {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => {
    const w = b[i] as number;
    if (!(Math.abs(v - w) <= tol * Math.max(1, Math.abs(w))))
      throw new Error(`element ${i}: got ${v}, expected ${w}`);
  });
}

/** Central differences of the vector function g (flat in, flat out) at x: J as rows[out][in]. */
function numericJacobian(g: (x: number[]) => number[], x: number[], h = 1e-6): number[][] {
  const cols = x.map((_, j) => {
    const plus = [...x];
    const minus = [...x];
    plus[j] = (plus[j] as number) + h;
    minus[j] = (minus[j] as number) - h;
    const a = g(plus);
    const b = g(minus);
    return a.map((v, i) => (v - (b[i] as number)) / (2 * h));
  });
  return (cols[0] ?? []).map((_, i) => cols.map((c) => c[i] as number));
}

// f: R³ → R², nonlinear in every input
const f = (x: Tensor) => {
  const [a, b, c] = [0, 1, 2].map((i) => x.slice([i])) as [Tensor, Tensor, Tensor];
  return stack([a.mul(b).exp().sub(c.mul(c)), a.mul(c).add(b.pow(3))]);
};
const fPlain = (x: number[]) => {
  const [a, b, c] = x as [number, number, number];
  return [Math.exp(a * b) - c * c, a * c + b ** 3];
};
const x0 = tensor([0.3, -0.7, 1.2], f64);

describe("jacobian", () => {
  it("matches central differences, shape [...out, ...in]", () => {
    const J = jacobian(f)(x0);
    expect(J.shape).toEqual([2, 3]);
    expectClose(flat(J), numericJacobian(fPlain, flat(x0)).flat());
  });

  it("handles several argnums, non-differentiated arguments and outputs that ignore an input", () => {
    const g = (a: Tensor, b: Tensor, k: Tensor) => a.mul(b).mul(k.to("float64")).sum(-1);
    const a = randn([2, 3], gen(1));
    const b = randn([3], gen(2));
    const k = tensor([1, 2, 3], { dtype: "int32" });
    const [Ja, Jb] = jacobian(g, { argnums: [0, 1] })(a, b, k);
    expect(Ja?.shape).toEqual([2, 2, 3]);
    expect(Jb?.shape).toEqual([2, 3]);
    // ∂(Σⱼ aᵢⱼ bⱼ kⱼ)/∂aₘⱼ = δᵢₘ bⱼ kⱼ ; /∂bⱼ = aᵢⱼ kⱼ
    const bk = flat(b).map((v, j) => v * (j + 1));
    expectClose(flat(Ja as Tensor), [...bk, 0, 0, 0, 0, 0, 0, ...bk]);
    expectClose(
      flat(Jb as Tensor),
      flat(a).map((v, i) => v * ((i % 3) + 1)),
    );
    expect(flat(jacobian((_: Tensor, y: Tensor) => y.sum())(a, b))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("rejects bad argnums and int arguments", () => {
    expect(() => jacobian(f, { argnums: 2 })(x0)).toThrow(
      /jacobian: argnums names argument 2 but the function was called with 1/,
    );
    expect(() => jacobian(f)(tensor([1, 2, 3], { dtype: "int32" }))).toThrow(
      /jacobian: argument 0 is int32; only float tensors can be differentiated/,
    );
  });
});

describe("jvp", () => {
  it("equals the Jacobian times the tangent, and returns the value", () => {
    const v = tensor([0.5, -1, 2], f64);
    const [y, jv] = jvp(f, [x0], [v]);
    expectClose(flat(y), fPlain(flat(x0)), 1e-14);
    const J = numericJacobian(fPlain, flat(x0));
    expectClose(
      flat(jv),
      J.map((row) => row.reduce((s, jij, j) => s + jij * (flat(v)[j] as number), 0)),
    );
    // the same as the jacobian composed with the tangent, to rounding
    expectClose(flat(jv), flat(jacobian(f)(x0).matmul(v)), 1e-12);
  });

  it("sums over several primals and nests inside grad", () => {
    const g = (a: Tensor, b: Tensor) => a.mul(b).exp();
    const a = tensor([0.1, 0.2], f64);
    const b = tensor([0.3, -0.4], f64);
    const [, t] = jvp(g, [a, b], [tensor([1, 0], f64), tensor([0, 1], f64)]);
    const e = flat(a).map((ai, i) => Math.exp(ai * (flat(b)[i] as number)));
    expectClose(flat(t), [(e[0] as number) * 0.3, (e[1] as number) * 0.2], 1e-12);
    // d/dx of the directional derivative of x³ along 1 is 6x
    const d2 = grad((x: Tensor) => jvp((z) => z.pow(3), [x], [tensor([1, 1], f64)])[1].sum());
    expectClose(flat(d2(tensor([1, 2], f64))), [6, 12], 1e-12);
  });

  it("rejects mismatched tangents", () => {
    expect(() => jvp(f, [x0], [tensor([1, 2], f64)])).toThrow(ShapeError);
    expect(() => jvp(f, [x0], [tensor([1, 2], f64)])).toThrow(
      /jvp: tangents\[0\] has shape \[2\] but primals\[0\] has shape \[3\]/,
    );
    expect(() => jvp(f, [x0], [])).toThrow(/got 1 primals and 0 tangents/);
  });
});

describe("hessian and hvp", () => {
  // s(x) = Σ xᵢ³ + x₀x₁x₂ ; H = diag(6x) + off-diagonal x_k
  const s = (x: Tensor) =>
    x
      .pow(3)
      .sum()
      .add(
        x
          .slice([0])
          .mul(x.slice([1]))
          .mul(x.slice([2])),
      );
  const hessRef = (x: number[]) => {
    const [a, b, c] = x as [number, number, number];
    return [
      [6 * a, c, b],
      [c, 6 * b, a],
      [b, a, 6 * c],
    ];
  };

  it("hessian matches the hand-derived Hessian and finite differences of grad", () => {
    const H = hessian(s)(x0);
    expect(H.shape).toEqual([3, 3]);
    expectClose(flat(H), hessRef(flat(x0)).flat(), 1e-12);
    const gradPlain = (x: number[]) => flat(grad(s)(tensor(x, f64)));
    expectClose(flat(H), numericJacobian(gradPlain, flat(x0)).flat());
  });

  it("gives the blocks of several arguments", () => {
    const q = (a: Tensor, b: Tensor) => a.mul(a).mul(b).sum();
    const a = tensor([1, 2], f64);
    const b = tensor([3, 4], f64);
    const H = hessian(q, { argnums: [0, 1] })(a, b);
    // ∂²/∂a² = diag(2b), ∂²/∂a∂b = diag(2a), ∂²/∂b² = 0
    expect(flat(H[0]?.[0] as Tensor)).toEqual([6, 0, 0, 8]);
    expect(flat(H[0]?.[1] as Tensor)).toEqual([2, 0, 0, 4]);
    expect(flat(H[1]?.[0] as Tensor)).toEqual([2, 0, 0, 4]);
    expect(flat(H[1]?.[1] as Tensor)).toEqual([0, 0, 0, 0]);
    expect(() => hessian(f)(x0)).toThrow(GraphError);
  });

  it("hvp equals the Hessian times v without forming it", () => {
    const v = tensor([1, -2, 0.5], f64);
    const [value, [hv]] = hvp(s, [x0], [v]);
    expectClose([value.item()], [flat(s(x0))[0] as number], 1e-14);
    const H = hessRef(flat(x0));
    expectClose(
      flat(hv as Tensor),
      H.map((row) => row.reduce((acc, h, j) => acc + h * (flat(v)[j] as number), 0)),
      1e-12,
    );
    expect(() => hvp(f, [x0], [v])).toThrow(/hvp: the function must return a one-element tensor/);
  });
});

describe("vmap", () => {
  const dot = (a: Tensor, b: Tensor) => a.mul(b).sum();
  const A = randn([5, 3], gen(3));
  const B = randn([5, 3], gen(4));
  const rowsDot = Array.from({ length: 5 }, (_, i) =>
    [0, 1, 2].reduce(
      (s, j) => s + (flat(A)[i * 3 + j] as number) * (flat(B)[i * 3 + j] as number),
      0,
    ),
  );

  it("maps over the leading axis, with shared (null) arguments and other axes", () => {
    expectClose(flat(vmap(dot)(A, B)), rowsDot, 1e-14);
    const w = tensor([1, 2, 3], f64);
    expectClose(
      flat(vmap(dot, { inDims: [0, null] })(A, w)),
      Array.from({ length: 5 }, (_, i) =>
        [0, 1, 2].reduce((s, j) => s + (flat(A)[i * 3 + j] as number) * (j + 1), 0),
      ),
      1e-14,
    );
    // mapping axis 1 of Aᵀ is mapping the rows of A
    expectClose(flat(vmap(dot, { inDims: [1, 0] })(A.transpose(), B)), rowsDot, 1e-14);
  });

  it("gives per-example gradients composed with grad, and is differentiable itself", () => {
    const loss = (w: Tensor, x: Tensor) => x.mul(w).sum().pow(2);
    const w = tensor([0.5, -1, 2], f64);
    const per = vmap((x: Tensor) => grad(loss)(w, x))(A);
    expect(per.shape).toEqual([5, 3]);
    // ∂(x·w)²/∂w = 2(x·w)x
    const want = Array.from({ length: 5 }, (_, i) => {
      const row = flat(A).slice(i * 3, i * 3 + 3);
      const xw = row.reduce((s, v, j) => s + v * (flat(w)[j] as number), 0);
      return row.map((v) => 2 * xw * v);
    }).flat();
    expectClose(flat(per), want, 1e-12);
    gradcheck((a: Tensor, b: Tensor) => vmap(dot)(a, b), [A, B]);
  });

  it("broadcast strategy runs f once when f only broadcasts over the batch, and catches f that mixes examples", () => {
    const rowDot = (a: Tensor, b: Tensor) => a.mul(b).sum(-1);
    expectClose(flat(vmap(rowDot, { strategy: "broadcast" })(A, B)), rowsDot, 1e-14);
    expect(() => vmap(dot, { strategy: "broadcast" })(A, B)).toThrow(
      /vmap: with strategy "broadcast", f returned shape \[\] for a batch of 5/,
    );
    const centred = (a: Tensor) => a.sub(a.mean());
    expect(() => vmap(centred, { strategy: "broadcast" })(A)).toThrow(/f mixes the examples/);
    expect(vmap(centred)(A).shape).toEqual([5, 3]);
  });

  it("rejects mismatched batch sizes and unmapped calls", () => {
    expect(() => vmap(dot)(A, randn([4, 3], gen(5)))).toThrow(
      /vmap: mapped axes differ in size: argument 0 has 5 examples, argument 1 \(shape \[4, 3\], axis 0\) has 4/,
    );
    expect(() => vmap(dot, { inDims: [null, null] })(A, B)).toThrow(ArgumentError);
    expect(() => vmap(dot, { inDims: [0] })(A, B)).toThrow(/inDims has 1 entries/);
  });
});

describe("checkpoint", () => {
  const seg = (x: Tensor, w: Tensor) => x.matmul(w).exp().mul(x.sum(-1, true));
  const x = randn([2, 3], gen(7));
  const w = randn([3, 3], gen(8)).mul(0.3);

  it("gives the same values and gradients as running f directly", () => {
    const xa = x.detach().requiresGrad_();
    const wa = w.detach().requiresGrad_();
    seg(xa, wa).sum().backward();
    const xb = x.detach().requiresGrad_();
    const wb = w.detach().requiresGrad_();
    const y = checkpoint(seg, xb, wb);
    expect(y.gradFn).toBe("checkpoint");
    expectClose(flat(y), flat(seg(x, w)), 1e-15);
    y.sum().backward();
    expectClose(flat(xb.grad as Tensor), flat(xa.grad as Tensor), 1e-14);
    expectClose(flat(wb.grad as Tensor), flat(wa.grad as Tensor), 1e-14);
  });

  it("reaches parameters f reads from its closure, through backward and grad", () => {
    const wc = w.detach().requiresGrad_();
    const y = checkpoint((h: Tensor) => seg(h, wc), x);
    y.sum().backward();
    const [, gw] = grad((a: Tensor, b: Tensor) => seg(a, b).sum(), { argnums: [0, 1] })(x, w);
    expectClose(flat(wc.grad as Tensor), flat(gw as Tensor), 1e-14);
    const gFun = grad((v: Tensor) => checkpoint((h: Tensor) => seg(h, v), x).sum())(w);
    expectClose(flat(gFun), flat(gw as Tensor), 1e-14);
  });

  it("keeps only its own node and recomputes f once in backward", () => {
    let calls = 0;
    const counted = (a: Tensor, b: Tensor) => {
      calls++;
      return seg(a, b);
    };
    const xa = x.detach().requiresGrad_();
    const y = checkpoint(counted, xa, w);
    expect(calls).toBe(1);
    expect(y._node?.inputs).toEqual([xa]); // nothing of the segment's graph is kept
    y.sum().backward();
    expect(calls).toBe(2);
  });

  it("passes gradcheck and gradgradcheck", () => {
    gradcheck((a: Tensor, b: Tensor) => checkpoint(seg, a, b), [x, w]);
    gradgradcheck((a: Tensor, b: Tensor) => checkpoint(seg, a, b), [x, w]);
  });

  it("asks for captured intermediate tensors as arguments", () => {
    const h = x.detach().requiresGrad_().mul(2);
    expect(() => checkpoint((v: Tensor) => v.add(h), w.slice([[0, 2]]))).toThrow(
      /checkpoint: f uses a tensor made outside it \(by mul\) that requires grad without taking it as an argument/,
    );
    expect(checkpoint((v: Tensor) => v.mul(2), x).requiresGrad).toBe(false);
  });
});
