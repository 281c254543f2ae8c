/**
 * Issue 10, last fuzz gaps: `null` as an options object means "no options" (a non-object is an
 * ArgumentError naming the function), and errors from argument conversion or parameter building
 * name the function the user called, not an inner one (tensor, full, zeros, add).
 */
import * as act from "@fluxion/activations";
import {
  ArgumentError,
  FluxionError,
  Generator,
  logSumExp,
  matmul,
  optionsObject,
  tensor,
} from "@fluxion/core";
import {
  BatchNorm1d,
  clipGradNorm_,
  crossEntropy,
  Embedding,
  huberLoss,
  LayerNorm,
  mseLoss,
  Parameter,
  PReLU,
  RMSNorm,
  Swish,
  TensorDataset,
} from "@fluxion/nn";
import { describe, expect, it } from "vitest";

const values = (t: { data(): ArrayLike<number> }) => Array.from(t.data());

describe("optionsObject", () => {
  it("reads null and undefined as no options and rejects non-objects naming the caller", () => {
    expect(optionsObject("mseLoss", null)).toEqual({});
    expect(optionsObject("mseLoss", undefined)).toEqual({});
    expect(optionsObject("mseLoss", { reduction: "sum" })).toEqual({ reduction: "sum" });
    for (const bad of ["sum", 3, [1], tensor([1])])
      expect(() => optionsObject("mseLoss", bad as never)).toThrow(
        /^mseLoss: options must be an object/,
      );
  });
});

describe("null options act as {}", () => {
  const x = tensor(
    [
      [0.5, -1],
      [2, 0.25],
    ],
    { requiresGrad: true },
  );
  const y = tensor([
    [1, 0],
    [1, 1],
  ]);
  it("losses", () => {
    expect(values(mseLoss(x, y, null))).toEqual(values(mseLoss(x, y)));
    expect(values(huberLoss(x, y, null))).toEqual(values(huberLoss(x, y)));
    const target = tensor([1, 0], { dtype: "int32" });
    expect(values(crossEntropy(x, target, null))).toEqual(values(crossEntropy(x, target)));
    expect(() => mseLoss(x, y, "sum" as never)).toThrow(ArgumentError);
    expect(() => mseLoss(x, y, "sum" as never)).toThrow(/mseLoss/);
  });
  it("matmul, backward, clipGradNorm_", () => {
    expect(values(matmul(x, y, null))).toEqual(values(matmul(x, y)));
    expect(() => matmul(x, y, 1 as never)).toThrow(/^matmul: options must be an object/);
    const p = tensor([1, 2], { requiresGrad: true });
    p.mul(3)
      .sum()
      .backward(undefined, null as never);
    expect(values(p.grad ?? tensor([]))).toEqual([3, 3]);
    const q = tensor([1, 2], { requiresGrad: true });
    q.mul(3).sum().backward();
    expect(values(clipGradNorm_([p], 1, null))).toEqual(values(clipGradNorm_([q], 1)));
    expect(values(p.grad ?? tensor([]))).toEqual(values(q.grad ?? tensor([])));
  });
  it("layers", () => {
    expect(new Swish(null).fixedBeta).toBe(1);
    expect(new PReLU(null).numSlopes).toBe(1);
    expect(new LayerNorm(3, null).eps).toBe(1e-5);
    expect(new BatchNorm1d(3, null).numFeatures).toBe(3);
    expect(new Embedding(4, 2, null).weight.shape).toEqual([4, 2]);
  });
});

describe("errors name the function called", () => {
  it("activation functions converting their input", () => {
    const { relu, gelu, softmax, leakyRelu, prelu } = act;
    const fns = { relu, gelu, softmax, leakyRelu, prelu };
    for (const [name, fn] of Object.entries(fns)) {
      const f = fn as (x: unknown, ...rest: unknown[]) => unknown;
      expect(() => f("not data", 0.25)).toThrow(new RegExp(`^${name}: `));
    }
  });
  it("copy_ and backward converting their argument", () => {
    expect(() => tensor([1, 2]).copy_("a" as never)).toThrow(/^copy_: /);
    const p = tensor([1, 2], { requiresGrad: true });
    expect(() => p.mul(2).backward("a" as never)).toThrow(/^backward: gradient: /);
  });
  it("layer constructors building their parameters", () => {
    expect(() => new PReLU({ dtype: "int32" })).toThrow(/^PReLU: /);
    expect(() => new LayerNorm([2 ** 33])).toThrow(/^LayerNorm: /);
    expect(() => new RMSNorm([2 ** 33])).toThrow(/^RMSNorm: /);
    expect(() => new Embedding(2, 2 ** 33)).toThrow(/^Embedding: /);
    expect(() => new Parameter(tensor([1], { dtype: "int32" }))).toThrow(/^Parameter: /);
    expect(() => new Generator(Number.NaN)).toThrow(/^Generator: seed/);
  });
  it("TensorDataset given a non-tensor first", () => {
    expect(() => new TensorDataset(undefined as never, tensor([1]))).toThrow(FluxionError);
    expect(() => new TensorDataset({} as never)).toThrow(/^TensorDataset: argument 0/);
  });
});

describe("logSumExp over an empty axis list", () => {
  it("reduces nothing, as PyTorch, with gradient 1", () => {
    const x = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { requiresGrad: true, dtype: "float64" },
    );
    const r = logSumExp(x, []);
    expect(r.shape).toEqual([2, 2]);
    expect(values(r)).toEqual([1, 2, 3, 4]);
    r.sum().backward();
    expect(values(x.grad ?? tensor([]))).toEqual([1, 1, 1, 1]);
    expect(logSumExp(tensor(5), [], true).shape).toEqual([]);
  });
});
