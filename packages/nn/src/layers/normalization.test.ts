import {
  ArgumentError,
  Generator,
  gradcheck,
  gradgradcheck,
  randn,
  ShapeError,
  type Tensor,
  tensor,
} from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { expectClose, flat, gradOf } from "../test-utils/close.js";
import { BatchNorm1d, BatchNorm2d } from "./batch-norm.js";
import { LayerNorm } from "./layer-norm.js";
import { RMSNorm } from "./rms-norm.js";

const f64 = { dtype: "float64" } as const;
const gen = (s: number) => ({ ...f64, generator: new Generator(s) });

/** Uses `w`, `b` (gradcheck's inputs) as a module's affine parameters. */
function withAffine<M extends object>(m: M, w: Tensor, b?: Tensor): M {
  return Object.assign(m, b === undefined ? { weight: w } : { weight: w, bias: b });
}

/** Plain-JS normalisation of each row of `rows`: (x − mean) / √(var + eps) (biased variance). */
function normalizeRows(rows: number[][], eps: number): number[][] {
  return rows.map((r) => {
    const m = r.reduce((s, v) => s + v, 0) / r.length;
    const v = r.reduce((s, x) => s + (x - m) ** 2, 0) / r.length;
    return r.map((x) => (x - m) / Math.sqrt(v + eps));
  });
}

describe("LayerNorm", () => {
  it("normalises each sample over the trailing axes, then scales and shifts", () => {
    const x = randn([2, 3, 4], gen(1));
    const ln = new LayerNorm([3, 4], { ...f64, eps: 1e-3 });
    const gamma = randn([3, 4], gen(2));
    const beta = randn([3, 4], gen(3));
    withAffine(ln, gamma, beta);
    const rows = [flat(x).slice(0, 12), flat(x).slice(12)];
    const g = flat(gamma);
    const b = flat(beta);
    const want = normalizeRows(rows, 1e-3).flatMap((r) =>
      r.map((v, i) => v * (g[i] as number) + (b[i] as number)),
    );
    expectClose(ln.call(x), want);
    expect(Object.keys(new LayerNorm(4).stateDict())).toEqual(["weight", "bias"]);
    expect(new LayerNorm(4, { bias: false }).bias).toBeNull();
    expect([...new LayerNorm(4, { elementwiseAffine: false }).parameters()]).toEqual([]);
  });

  it("passes gradcheck and gradgradcheck in float64", () => {
    const x = randn([3, 5], gen(4));
    const w = randn([5], gen(5));
    const b = randn([5], gen(6));
    const f = (xx: Tensor, ww: Tensor, bb: Tensor) =>
      withAffine(new LayerNorm(5, f64), ww, bb).call(xx);
    gradcheck(f, [x, w, b]);
    gradgradcheck(f, [x, w, b]);
  });

  it("rejects inputs that do not end with normalizedShape, and bad arguments", () => {
    expect(() => new LayerNorm([3, 4]).call(randn([2, 4, 3]))).toThrow(ShapeError);
    expect(() => new LayerNorm([3, 4]).call(randn([2, 4, 3]))).toThrow(
      /LayerNorm: expected an input whose last 2 axes are \[3, 4\], got input shape \[2, 4, 3\]/,
    );
    expect(() => new LayerNorm(0)).toThrow(/LayerNorm: normalizedShape must be/);
    expect(() => new LayerNorm(3, { eps: -1 })).toThrow(/LayerNorm: eps must be/);
  });
});

describe("RMSNorm", () => {
  it("divides by the root mean square with the dtype's machine epsilon by default", () => {
    const x = tensor(
      [
        [1e-9, -2e-9],
        [3, 4],
      ],
      f64,
    );
    const rms = new RMSNorm(2, f64);
    const eps = 2 ** -52;
    const want = [
      [1e-9, -2e-9],
      [3, 4],
    ].flatMap((r) => {
      const ms = r.reduce((s, v) => s + v * v, 0) / r.length;
      return r.map((v) => v / Math.sqrt(ms + eps));
    });
    expectClose(rms.call(x), want);
    // float32 uses 2⁻²³: a tiny input is barely scaled up
    const tiny = new RMSNorm(1).call(tensor([[1e-5]]));
    expectClose(tiny, [1e-5 / Math.sqrt(1e-10 + 2 ** -23)], { rtol: 1e-6 });
    expectClose(new RMSNorm(2, { ...f64, eps: 0.5 }).call(tensor([[1, 1]], f64)), [
      1 / Math.sqrt(1.5),
      1 / Math.sqrt(1.5),
    ]);
    expect(Object.keys(rms.stateDict())).toEqual(["weight"]);
  });

  it("passes gradcheck and gradgradcheck in float64", () => {
    const f = (xx: Tensor, ww: Tensor) =>
      withAffine(new RMSNorm([2, 3], { ...f64, eps: 1e-6 }), ww).call(xx);
    const inputs = [randn([4, 2, 3], gen(7)), randn([2, 3], gen(8))];
    gradcheck(f, inputs);
    gradgradcheck(f, inputs);
  });
});

describe("BatchNorm1d", () => {
  // channel 0: 1, 3, 5 (mean 3, biased var 8/3, unbiased 4); channel 1: 2, 6, 10 (mean 6, 32/3, 16)
  const batch = () =>
    tensor(
      [
        [1, 2],
        [3, 6],
        [5, 10],
      ],
      f64,
    );

  it("normalises with batch statistics in training and updates the running statistics", () => {
    const bn = new BatchNorm1d(2, f64);
    const y = bn.call(batch());
    const eps = 1e-5;
    const want = [-2, -4, 0, 0, 2, 4].map((d, i) =>
      i % 2 === 0 ? d / Math.sqrt(8 / 3 + eps) : d / Math.sqrt(32 / 3 + eps),
    );
    expectClose(y, want);
    expectClose(bn.runningMean as Tensor, [0.1 * 3, 0.1 * 6]);
    expectClose(bn.runningVar as Tensor, [0.9 + 0.1 * 4, 0.9 + 0.1 * 16]);
    expect(bn.numBatchesTracked?.item()).toBe(1);
    bn.call(batch().mul(2));
    // second batch: means 6, 12; unbiased variances 16, 64
    expectClose(bn.runningMean as Tensor, [0.9 * 0.3 + 0.6, 0.9 * 0.6 + 1.2]);
    expectClose(bn.runningVar as Tensor, [0.9 * 1.3 + 1.6, 0.9 * 2.5 + 6.4]);
    expect(bn.numBatchesTracked?.item()).toBe(2);
  });

  it("uses the running statistics in eval mode and leaves them alone", () => {
    const bn = new BatchNorm1d(2, { ...f64, eps: 0.25 });
    bn.call(batch());
    bn.eval();
    const x = tensor([[0, 1]], f64);
    withAffine(bn, tensor([2, 3], f64), tensor([0.5, -1], f64));
    const want = [
      ((0 - 0.3) / Math.sqrt(1.3 + 0.25)) * 2 + 0.5,
      ((1 - 0.6) / Math.sqrt(2.5 + 0.25)) * 3 - 1,
    ];
    expectClose(bn.call(x), want);
    expectClose(bn.runningMean as Tensor, [0.3, 0.6]);
    expect(bn.numBatchesTracked?.item()).toBe(1);
  });

  it("momentum null keeps a cumulative average; without tracking it always uses the batch", () => {
    const bn = new BatchNorm1d(2, { ...f64, momentum: null });
    bn.call(batch());
    bn.call(batch().add(3));
    bn.call(batch().mul(-1));
    expectClose(bn.runningMean as Tensor, [(3 + 6 - 3) / 3, (6 + 9 - 6) / 3]);
    expectClose(bn.runningVar as Tensor, [(1 + 1 + 1) * (4 / 3), (1 + 1 + 1) * (16 / 3)]);
    const free = new BatchNorm1d(2, { ...f64, trackRunningStats: false, affine: false });
    expect(Object.keys(free.stateDict())).toEqual([]);
    expect(free.runningMean).toBeNull();
    const y = free.eval().call(batch());
    expectClose(y, flat(new BatchNorm1d(2, f64).call(batch())));
  });

  it("normalises a [N, C, L] input per channel over batch and length", () => {
    const x = randn([2, 3, 4], gen(9));
    const bn = new BatchNorm1d(3, f64);
    const y = bn.call(x);
    const xs = x.toArray() as number[][][];
    for (let c = 0; c < 3; c++) {
      const values = xs.flatMap((s) => s[c] as number[]);
      const [normed] = normalizeRows([values], 1e-5);
      const got = (y.toArray() as number[][][]).flatMap((s) => s[c] as number[]);
      expectClose(got, normed as number[]);
      const mean = values.reduce((s, v) => s + v, 0) / 8;
      const unbiased = values.reduce((s, v) => s + (v - mean) ** 2, 0) / 7;
      expectClose(flat(bn.runningMean as Tensor)[c] as number, 0.1 * mean);
      expectClose(flat(bn.runningVar as Tensor)[c] as number, 0.9 + 0.1 * unbiased);
    }
  });

  it("has PyTorch's stateDict keys and round-trips running statistics", () => {
    const bn = new BatchNorm1d(2, f64);
    expect(Object.keys(bn.stateDict())).toEqual([
      "weight",
      "bias",
      "running_mean",
      "running_var",
      "num_batches_tracked",
    ]);
    bn.call(batch());
    const copy = new BatchNorm1d(2, f64);
    copy.loadStateDict(bn.stateDict());
    expect(flat(copy.runningVar as Tensor)).toEqual(flat(bn.runningVar as Tensor));
    expect(copy.numBatchesTracked?.item()).toBe(1);
    expect(copy.numBatchesTracked?.dtype).toBe("int32");
    bn.resetRunningStats();
    expect(flat(bn.runningMean as Tensor)).toEqual([0, 0]);
    expect(flat(bn.runningVar as Tensor)).toEqual([1, 1]);
    expect(bn.numBatchesTracked?.item()).toBe(0);
  });

  it("passes gradcheck and gradgradcheck in float64 in training and eval mode", () => {
    const x = randn([4, 3], gen(10));
    const w = randn([3], gen(11));
    const b = randn([3], gen(12));
    const train = (xx: Tensor, ww: Tensor, bb: Tensor) =>
      withAffine(new BatchNorm1d(3, f64), ww, bb).call(xx);
    gradcheck(train, [x, w, b]);
    gradgradcheck(train, [x, w, b]);
    const trained = new BatchNorm1d(3, f64);
    trained.call(randn([5, 3], gen(13)));
    trained.eval();
    const evalFn = (xx: Tensor, ww: Tensor, bb: Tensor) => withAffine(trained, ww, bb).call(xx);
    gradcheck(evalFn, [randn([2, 3, 2], gen(14)), w, b]);
  });

  it("gives the affine parameters the hand-derived gradients Σ g·x̂ and Σ g", () => {
    const bn = new BatchNorm1d(2, f64);
    const x = batch();
    const g = tensor(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      f64,
    );
    bn.call(x).mul(g).sum().backward();
    const s0 = Math.sqrt(8 / 3 + 1e-5);
    const s1 = Math.sqrt(32 / 3 + 1e-5);
    // x̂ = [-2, 0, 2]/s0 and [-4, 0, 4]/s1; g = [1, 3, 5] and [2, 4, 6]
    expectClose(gradOf(bn.weight as Tensor), [(-2 * 1 + 2 * 5) / s0, (-4 * 2 + 4 * 6) / s1]);
    expectClose(gradOf(bn.bias as Tensor), [9, 12]);
  });

  it("rejects wrong ranks, channel counts, single-value batches and bad options", () => {
    const bn = new BatchNorm1d(3);
    expect(() => bn.call(randn([2, 4]))).toThrow(
      /BatchNorm1d: expected 3 channels on axis 1, got input shape \[2, 4\]/,
    );
    expect(() => bn.call(randn([2, 3, 4, 5]))).toThrow(ShapeError);
    expect(() => bn.call(randn([2, 3, 4, 5]))).toThrow(/expected a 2-D or 3-D input/);
    expect(() => bn.call(randn([1, 3]))).toThrow(ArgumentError);
    expect(() => bn.call(randn([1, 3]))).toThrow(/expected more than 1 value per channel/);
    expect(() => new BatchNorm1d(3, { momentum: 2 })).toThrow(/BatchNorm1d: momentum must be/);
    expect(() => new BatchNorm1d(0)).toThrow(/BatchNorm1d: numFeatures must be/);
    expect(() => bn.eval().call(randn([2, 3], f64))).toThrow(
      /input is float64 but the running statistics are float32/,
    );
    expect(bn.to("float64").call(randn([2, 3], f64)).dtype).toBe("float64");
  });
});

describe("BatchNorm2d", () => {
  it("normalises per channel over batch, height and width", () => {
    const x = randn([2, 2, 2, 3], gen(15));
    const y = new BatchNorm2d(2, f64).call(x).toArray() as number[][][][];
    const xs = x.toArray() as number[][][][];
    for (let c = 0; c < 2; c++) {
      const values = xs.flatMap((s) => (s[c] as number[][]).flat());
      const got = y.flatMap((s) => (s[c] as number[][]).flat());
      expectClose(got, normalizeRows([values], 1e-5)[0] as number[]);
    }
    expect(() => new BatchNorm2d(2).call(randn([2, 2]))).toThrow(/BatchNorm2d: expected a 4-D/);
  });
});
