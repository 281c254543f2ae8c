import { activationSpecs } from "@fluxion/activations/testing";
import {
  argmax,
  atan2,
  bmm,
  concat,
  defineOp,
  dot,
  einsum,
  Generator,
  gather,
  listOps,
  logSumExp,
  maximum,
  minimum,
  outer,
  randn,
  type Tensor,
  tensor,
  trace,
  where,
} from "@fluxion/core";
import { Linear } from "@fluxion/nn";
import { describe, expect, it } from "vitest";
import {
  exportOnnx,
  hasOnnxLowering,
  OnnxExportError,
  registerOnnxLowering,
  unregisterOnnxLowering,
} from "./index.js";
import { expectClose } from "./test-utils/compare.js";
import { runOrt } from "./test-utils/run-ort.js";

function only(inputs: readonly Tensor[]): Tensor {
  const x = inputs[0];
  if (!x) throw new Error("no input");
  return x;
}

/** Exports `f` at batch 3 and compares ONNX Runtime with Fluxion at batch 1 and 64. */
async function check(f: (x: Tensor) => Tensor, features: number, what: string): Promise<void> {
  const gen = new Generator(11);
  const bytes = exportOnnx(f, randn([3, features], { generator: gen }));
  for (const batch of [1, 64]) {
    const x = randn([batch, features], { generator: gen });
    const expected = f(x);
    const got = (await runOrt(bytes, { input: x })).output;
    expect(got?.dims, `${what}, batch ${batch}`).toEqual(expected.shape);
    expectClose(got?.data ?? [], expected._data, `${what}, batch ${batch}`);
  }
}

describe("core ops in ONNX Runtime (dynamic batch 1 and 64)", () => {
  it("the elementwise math ops (sin … xlogy)", async () => {
    await check(
      (x) => {
        const u = x.tanh().mul(0.9);
        const p = x.abs().add(1.5);
        const trig = x.sin().add(x.cos()).add(u.tan()).add(x.atan()).add(u.asin()).add(u.acos());
        const hyp = u.sinh().add(u.cosh()).add(x.asinh()).add(p.acosh()).add(u.atanh());
        const logs = p.log2().add(p.log10()).add(u.exp2()).add(p.reciprocal()).add(p.rsqrt());
        const rounding = x
          .mul(3)
          .floor()
          .add(x.mul(3).ceil())
          .add(x.mul(3).round())
          .add(x.mul(3).trunc());
        const tests = x.isnan().add(x.isinf()).add(x.isfinite());
        const two = x
          .fmod(0.7)
          .add(x.remainder(0.7))
          .add(x.hypot(u))
          .add(x.logaddexp(u))
          .add(p.xlogy(p));
        return trig
          .add(hyp)
          .add(logs)
          .add(rounding)
          .add(tests)
          .add(two)
          .add(x.square())
          .add(x.erf())
          .add(x.erfc());
      },
      5,
      "math ops",
    );
  });

  it("erfinv and atan2, composed (ONNX has neither): all four quadrants and the axes", async () => {
    await check(
      (x) => {
        const y = x.tanh().mul(0.999);
        const n = x.shape[0] ?? 0;
        const shifted = x.slice([null, [0, 3]]).sub(0.3);
        const other = x.slice([null, [3, 6]]);
        // every sign pair, and x = 0 exactly (where y/x is ±∞ or NaN)
        const onAxis = atan2(x.slice([null, [0, 3]]), x.slice([null, [0, 3]]).mul(0));
        return concat(
          [y.erfinv(), atan2(shifted, other), other.atan2(shifted.neg()), onAxis],
          1,
        ).reshape([n, 15]);
      },
      6,
      "erfinv and atan2",
    );
    // the fixed points: ±1 → ±∞, beyond → NaN, 0 → 0; atan2 at the origin and on the axes
    const bytes = exportOnnx(
      (t: Tensor) => concat([t.erfinv(), atan2(t, t.mul(0)), atan2(t.mul(0), t)], 0),
      tensor([1, -1, 1.5, 0, -2]),
      { dynamicBatch: false },
    );
    const got = (await runOrt(bytes, { input: tensor([1, -1, 1.5, 0, -2]) })).output?.data;
    expect(Array.from(got ?? [])).toEqual([
      Infinity,
      -Infinity,
      Number.NaN,
      0,
      Number.NaN,
      Math.fround(Math.PI / 2),
      Math.fround(-Math.PI / 2),
      Math.fround(Math.PI / 2),
      0,
      Math.fround(-Math.PI / 2),
      0,
      Math.fround(Math.PI),
      0,
      0,
      Math.fround(Math.PI),
    ]);
  });

  it("erfinv in a float64 graph keeps float32 accuracy (ONNX Runtime has no float64 Erf to refine with)", async () => {
    const f = (t: Tensor) => t.tanh().erfinv();
    const x = randn([64, 5], { dtype: "float64", generator: new Generator(3) });
    const bytes = exportOnnx(f, x.slice([[0, 3]]));
    const got = (await runOrt(bytes, { input: x })).output;
    expectClose(got?.data ?? [], f(x)._data, "float64 erfinv", 3e-7, 1e-12);
  });

  it("contractions: einsum, bmm, dot, outer, diagonal and trace", async () => {
    const w = randn([4, 3], { generator: new Generator(6) });
    const v = randn([3], { generator: new Generator(7) });
    await check(
      (x) => {
        const n = x.shape[0] ?? 0;
        const sq = x.reshape([n, 3, 3]);
        const mm = einsum("bi,ij->bj", x.slice([null, [0, 4]]), w); // [n, 3]
        const diag = einsum("bii->bi", sq).add(sq.diagonal(1, 1, 2).sum(1, true)); // [n, 3]
        const tr = einsum("...ii", sq).reshape([n, 1]); // [n, 1]
        const b = bmm(sq, sq.transpose(1, 2)).reshape([n, 9]); // [n, 9]
        const o = outer(v, v).reshape([1, 9]).expand([n, 9]).mul(x);
        const d = dot(v, v).add(trace(w.slice([[0, 3]])));
        return concat([mm, diag, tr, b.add(o).add(d)], 1);
      },
      9,
      "contractions",
    );
  });

  it("elementwise math, comparisons, where and clamp", async () => {
    await check(
      (x) => {
        const a = x.abs().add(0.5);
        const b = a.sqrt().mul(a.log()).sub(x.neg().exp().div(3));
        const c = x.mul(0.1).expm1().add(x.abs().mul(0.1).log1p()).add(x.sign());
        const d = maximum(x, b).add(minimum(x, c)).add(a.pow(1.5));
        const mask = x.gt(0).add(x.le(-1)).add(x.eq(0)).add(x.ne(1)).add(x.lt(2)).add(x.ge(-2));
        return where(x.gt(0), d, c)
          .add(mask)
          .clamp(-3, 4)
          .add(x.clamp(0))
          .add(x.clamp(undefined, 0.2));
      },
      6,
      "elementwise",
    );
  });

  it("reductions, argmax, logSumExp and mean", async () => {
    await check(
      (x) => {
        const n = x.shape[0] ?? 0;
        const r = x.reshape([n, 2, 3]);
        return concat(
          [
            r.sum(2),
            r.max(1, true).sum(1),
            r.min(2),
            r.mean(1, true).sum(1),
            argmax(r, 2).to("float32"),
            logSumExp(r, 2),
            r.sum([1, 2], true).reshape([n, 1]),
          ],
          1,
        );
      },
      6,
      "reductions",
    );
  });

  it("movement: reshape, permute, slice, concat, expand, gather, clone and cast", async () => {
    await check(
      (x) => {
        const n = x.shape[0] ?? 0;
        const r = x.reshape([n, 2, 4]).permute([0, 2, 1]); // [n, 4, 2]
        const s = r.slice([null, [1, null, 2], [null, null]]); // [n, 2, 2]
        const e = s.sum(2, true).expand([n, 2, 5]).reshape([n, 10]);
        const idx = tensor([[3, 0, 1, 2, 7, 7, 6, 5]])
          .expand([n, 8])
          .to("int32");
        const g = gather(x, 1, idx);
        const m = x.slice([null, 0]).reshape([n, 1]).clone().to("int32").to("float32");
        return concat(
          [e, g, m, r.reshape([n, 8]).matmul(tensor([[1], [2], [0], [1], [3], [1], [1], [2]]))],
          1,
        );
      },
      8,
      "movement",
    );
  });

  it("a batched matmul with transposed operands", async () => {
    const w = randn([3, 5, 2], { generator: new Generator(4) });
    const v = randn([12, 2], { generator: new Generator(5) });
    await check(
      (x) => {
        const n = x.shape[0] ?? 0;
        const r = x.reshape([n, 3, 2, 5]);
        const rr = r.matmul(r, { transposeB: true }).sum(3, true); // [n, 3, 2, 1]
        const rw = r.matmul(w).add(rr); // [n, 3, 2, 2]
        const t = r.matmul(w.permute([0, 2, 1]), { transposeB: true }); // the same, read transposed
        // positive terms only: a float32 sum with cancellation is not comparable at 1e-5
        const vv = v.matmul(v, { transposeA: true }).abs().sum();
        return rw.add(t).abs().reshape([n, 12]).matmul(v.abs()).add(vv);
      },
      30,
      "batched matmul",
    );
  });
});

describe("user ops", () => {
  const cube = defineOp({
    name: "onnxTestCube",
    shape: (inputs) => only(inputs).shape,
    compute: (inputs) => only(inputs).mul(only(inputs)).mul(only(inputs)),
    // d/dx x³ = 3x²
    vjp: (g, { inputs }) => [g.mul(only(inputs).mul(only(inputs)).mul(3))],
  });

  it("without a lowering, export names the op and says how to add one", () => {
    const fc = new Linear(2, 2);
    expect(() => exportOnnx((x: Tensor) => cube([fc.call(x)], {}), randn([2, 2]))).toThrow(
      /op "onnxTestCube" \(call 3\) has no ONNX lowering: register one with registerOnnxLowering\("onnxTestCube"/,
    );
  });

  it("with a registered lowering, the model runs in ONNX Runtime", async () => {
    registerOnnxLowering(cube, (ctx) =>
      ctx.node("Pow", [ctx.inputAs(0, ctx.output.dtype), ctx.scalar(3)]),
    );
    try {
      expect(hasOnnxLowering("onnxTestCube")).toBe(true);
      const fc = new Linear(4, 3);
      await check((x) => cube([fc.call(x)], {}).tanh(), 4, "custom op");
      expect(() => registerOnnxLowering("onnxTestCube", (ctx) => ctx.input(0).name)).toThrow(
        /"onnxTestCube" already has an ONNX lowering; pass \{ replace: true \}/,
      );
    } finally {
      unregisterOnnxLowering("onnxTestCube");
    }
    expect(hasOnnxLowering("onnxTestCube")).toBe(false);
  });
});

describe("coverage and errors", () => {
  it("every registered op has a lowering, except the activations' gradient ops", () => {
    const missing = listOps()
      .map((d) => d.name)
      .filter((n) => !n.startsWith("onnxTest") && !n.startsWith("opObserverTest"))
      .filter((n) => !hasOnnxLowering(n) && !n.endsWith("Backward"));
    expect(missing).toEqual([]);
  });

  it("a gradient op says export covers forward passes", () => {
    const backward = activationSpecs.tanhBackward?.cases[0];
    if (!backward) throw new Error("no tanhBackward spec");
    expect(() => exportOnnx((t: Tensor) => backward.apply(t, t), randn([2, 3]))).toThrow(
      'exportOnnx: op "tanhBackward" (call 1) has no ONNX lowering: it is the gradient op of an activation, and ONNX export covers forward passes',
    );
  });

  it("bad arguments name the argument and the values", () => {
    const fc = new Linear(2, 2);
    expect(() => exportOnnx(fc, [])).toThrow(OnnxExportError);
    expect(() => exportOnnx(fc, [])).toThrow(
      "exportOnnx: exampleInputs must hold at least one Tensor",
    );
    expect(() => exportOnnx(fc, randn([2, 2]), { opset: 13 })).toThrow(
      "exportOnnx: options.opset must be an integer from 17 to 20, got 13",
    );
    expect(() => exportOnnx(fc, randn([2, 2]), { inputNames: ["a", "b"] })).toThrow(
      'exportOnnx: options.inputNames must list 1 name(s), one per input, got ["a","b"]',
    );
    expect(() => exportOnnx(fc, tensor(1))).toThrow(/exampleInputs\[0\] is a scalar/);
    expect(() => exportOnnx(fc, [randn([2, 2]), randn([3, 2])])).toThrow(
      "exportOnnx: with dynamicBatch every input's axis 0 is the batch, but exampleInputs[0] has shape [2, 2] and exampleInputs[1] has shape [3, 2]; export with dynamicBatch: false",
    );
    expect(() => exportOnnx(42 as unknown as Linear, randn([2, 2]))).toThrow(
      "exportOnnx: model must be a Module or a function of tensors, got 42",
    );
    expect(() => registerOnnxLowering("", (ctx) => ctx.input(0).name)).toThrow(
      "registerOnnxLowering: op must be an op name or an op made with defineOp, got ",
    );
    expect(() => registerOnnxLowering("relu", (ctx) => ctx.input(0).name)).toThrow(
      '"relu" already has an ONNX lowering; pass { replace: true } to replace it',
    );
    expect(() => registerOnnxLowering("x", 3 as unknown as () => string)).toThrow(
      'registerOnnxLowering: the lowering of "x" must be a function, got number',
    );
    registerOnnxLowering("add", (ctx) => ctx.fail("refused for this test"), { replace: true });
    try {
      expect(() => exportOnnx((x: Tensor) => x.add(1), randn([2, 2]))).toThrow(
        'exportOnnx: op "add" (call 1) cannot be exported: refused for this test',
      );
    } finally {
      unregisterOnnxLowering("add");
    }
    expect(hasOnnxLowering("add")).toBe(true);
    expect(() => exportOnnx(() => 3 as unknown as Tensor, randn([2, 2]))).toThrow(
      "exportOnnx: the model must return a Tensor or a non-empty array of Tensors, got number",
    );
    expect(() =>
      exportOnnx((x: Tensor) => x.reshape([(x.shape[0] ?? 0) * 2, 1]), randn([2, 2])),
    ).toThrow(
      /the output of op "reshape" \(call 1\) has a dimension \(axis 0: 4 for batch 2, 8 for batch 4\) that depends on the batch size/,
    );
  });
});
