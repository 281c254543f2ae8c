import {
  ArgumentError,
  DTypeError,
  Generator,
  gradcheck,
  randn,
  ShapeError,
  type Tensor,
  tensor,
} from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { expectClose, flat, gradOf } from "../test-utils/close.js";
import { Embedding } from "./embedding.js";

const f64 = { dtype: "float64" } as const;
const idx = (values: number[] | number[][]) => tensor(values, { dtype: "int32" });

describe("Embedding", () => {
  it("looks up rows for indices of any shape", () => {
    const emb = new Embedding(5, 3, { ...f64, generator: new Generator(1) });
    const w = emb.weight.toArray() as number[][];
    const y = emb.call(
      idx([
        [4, 0],
        [2, 4],
      ]),
    );
    expect(y.shape).toEqual([2, 2, 3]);
    expect(flat(y)).toEqual([4, 0, 2, 4].flatMap((i) => w[i] as number[]));
    expect(emb.call(tensor(3, { dtype: "int32" })).shape).toEqual([3]);
  });

  it("initialises from N(0, 1) with the padding row zeroed", () => {
    const emb = new Embedding(200, 50, { paddingIdx: -1, generator: new Generator(2) });
    expect(emb.paddingIdx).toBe(199);
    const values = flat(emb.weight);
    expect(values.slice(199 * 50)).toEqual(new Array(50).fill(0));
    const rest = values.slice(0, 199 * 50);
    const mean = rest.reduce((s, v) => s + v, 0) / rest.length;
    const variance = rest.reduce((s, v) => s + (v - mean) ** 2, 0) / rest.length;
    // 9950 draws: the mean is within 5 standard errors of 0, the variance within 10% of 1
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(rest.length));
    expect(Math.abs(variance - 1)).toBeLessThan(0.1);
  });

  it("sums gradients over repeated indices and gives the padding row none", () => {
    // a padding row that is not zero: its value is returned, but it gets no gradient
    const table = tensor(
      [
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
      ],
      f64,
    );
    const emb = Embedding.fromPretrained(table, { paddingIdx: 1, freeze: false });
    const indices = idx([0, 1, 3, 0, 1]);
    const upstream = tensor(
      [
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
        [9, 10],
      ],
      f64,
    );
    const y = emb.call(indices);
    expect(flat(y)).toEqual([1, 1, 2, 2, 4, 4, 1, 1, 2, 2]);
    y.mul(upstream).sum().backward();
    expect(flat(gradOf(emb.weight))).toEqual([1 + 7, 2 + 8, 0, 0, 0, 0, 5, 6]);
  });

  it("passes gradcheck with respect to its weight", () => {
    const indices = idx([
      [2, 0],
      [2, 1],
    ]);
    const f = (w: Tensor) => Object.assign(new Embedding(3, 4, f64), { weight: w }).call(indices);
    gradcheck(f, [randn([3, 4], { ...f64, generator: new Generator(3) })]);
  });

  it("maxNorm rescales the rows looked up, in place, as PyTorch's embedding_renorm_", () => {
    const weight = tensor(
      [
        [3, 4],
        [0.3, 0.4],
        [6, 8],
      ],
      f64,
    );
    const emb = Embedding.fromPretrained(weight.clone(), { maxNorm: 1 });
    const y = emb.call(idx([0, 1]));
    const s = 1 / (5 + 1e-7);
    expectClose(y, [3 * s, 4 * s, 0.3, 0.4]);
    // row 2 was not looked up: unchanged
    expectClose(emb.weight, [3 * s, 4 * s, 0.3, 0.4, 6, 8]);
    const inf = Embedding.fromPretrained(weight.clone(), { maxNorm: 2, normType: Infinity });
    const t = 2 / (8 + 1e-7);
    expectClose(inf.call(idx([2])), [6 * t, 8 * t]);
    const l1 = Embedding.fromPretrained(weight.clone(), { maxNorm: 7, normType: 1 });
    expectClose(l1.call(idx([0])), [3, 4]); // |3| + |4| = 7 is not above 7
  });

  it("fromPretrained shares the table's storage (as PyTorch) and freezes it by default", () => {
    const table = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      f64,
    );
    const emb = Embedding.fromPretrained(table);
    expect(emb.weight.requiresGrad).toBe(false);
    expect([...emb.parameters()].length).toBe(1);
    table.add_(1);
    expect(flat(emb.call(idx([1])))).toEqual([4, 5]);
    expect(Embedding.fromPretrained(table, { freeze: false }).weight.requiresGrad).toBe(true);
    expect(() => Embedding.fromPretrained(tensor([1, 2]))).toThrow(ShapeError);
  });

  it("rejects bad indices and options with the argument and values", () => {
    const emb = new Embedding(3, 2);
    expect(() => emb.call(tensor([0, 1]))).toThrow(DTypeError);
    expect(() => emb.call(tensor([0, 1]))).toThrow(/Embedding: indices must be int32, got float32/);
    expect(() => emb.call(idx([0, 3]))).toThrow(
      /Embedding: index 3 at flat position 1 is out of range \[0, 3\)/,
    );
    expect(() => emb.call(idx([-1]))).toThrow(ArgumentError);
    expect(() => new Embedding(3, 2, { paddingIdx: 3 })).toThrow(
      /Embedding: paddingIdx must be an integer in \[-3, 3\), got 3/,
    );
    expect(() => new Embedding(0, 2)).toThrow(/numEmbeddings must be a positive integer/);
    expect(() => new Embedding(3, 2, { maxNorm: 0 })).toThrow(/maxNorm must be a positive/);
    expect(String(new Embedding(3, 2, { paddingIdx: 0 }))).toBe("Embedding(3, 2, paddingIdx=0)");
  });
});
