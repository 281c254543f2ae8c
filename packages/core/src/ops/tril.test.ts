import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArgumentError, ShapeError } from "../errors.js";
import { arange, ones, tensor } from "../tensor/create.js";
import { arbShape, arbTensor, fcParams } from "../testing/index.js";
import { tril } from "./tril.js";
import { triu } from "./triu.js";

/** The reference: entry (..., i, j) kept when keep(j − i), by plain index arithmetic on the flat values. */
function reference(
  x: number[],
  shape: readonly number[],
  keep: (offset: number) => boolean,
): number[] {
  const cols = shape.at(-1) ?? 1;
  const rows = shape.at(-2) ?? 1;
  return x.map((v, k) => {
    const j = k % cols;
    const i = Math.floor(k / cols) % rows;
    return keep(j - i) ? v : 0;
  });
}

describe("tril and triu", () => {
  const m = arange(1, 13).reshape([3, 4]);

  it("keep the lower / upper triangle of a matrix, with a diagonal offset", () => {
    expect(tril(m).toArray()).toEqual([
      [1, 0, 0, 0],
      [5, 6, 0, 0],
      [9, 10, 11, 0],
    ]);
    expect(tril(m, 1).toArray()).toEqual([
      [1, 2, 0, 0],
      [5, 6, 7, 0],
      [9, 10, 11, 12],
    ]);
    expect(tril(m, -1).toArray()).toEqual([
      [0, 0, 0, 0],
      [5, 0, 0, 0],
      [9, 10, 0, 0],
    ]);
    expect(triu(m).toArray()).toEqual([
      [1, 2, 3, 4],
      [0, 6, 7, 8],
      [0, 0, 11, 12],
    ]);
    expect(triu(m, 2).toArray()).toEqual([
      [0, 0, 3, 4],
      [0, 0, 0, 8],
      [0, 0, 0, 0],
    ]);
    expect(triu(m, -1).toArray()).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [0, 10, 11, 12],
    ]);
    expect(tril(m, 5).toArray()).toEqual(m.toArray());
    expect(triu(m, -5).toArray()).toEqual(m.toArray());
    expect(tril(m, -3).sum().item()).toBe(0);
  });

  it("work on each matrix of a batch (the last two axes) and keep the dtype", () => {
    const b = tensor(
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ],
      { dtype: "int32" },
    );
    const lo = tril(b);
    expect(lo.dtype).toBe("int32");
    expect(lo.toArray()).toEqual([
      [
        [1, 0],
        [3, 4],
      ],
      [
        [5, 0],
        [7, 8],
      ],
    ]);
    expect(triu(b, 1).toArray()).toEqual([
      [
        [0, 2],
        [0, 0],
      ],
      [
        [0, 6],
        [0, 0],
      ],
    ]);
  });

  it("agree with index arithmetic on random batches", () => {
    fc.assert(
      fc.property(
        arbTensor({
          shape: arbShape({ minRank: 2, maxRank: 4, maxDim: 5 }),
          dtype: "int32",
          min: -9,
          max: 9,
        }),
        fc.integer({ min: -6, max: 6 }),
        (x, d) => {
          const flat = Array.from(x.data());
          expect(Array.from(tril(x, d).data())).toEqual(reference(flat, x.shape, (o) => o <= d));
          expect(Array.from(triu(x, d).data())).toEqual(reference(flat, x.shape, (o) => o >= d));
        },
      ),
      fcParams(50),
    );
  });

  it("pass the gradient through the kept triangle only", () => {
    const x = ones([2, 2], { requiresGrad: true });
    tril(x)
      .mul(
        tensor([
          [1, 2],
          [3, 4],
        ]),
      )
      .sum()
      .backward();
    expect(x.grad?.toArray()).toEqual([
      [1, 0],
      [3, 4],
    ]);
    const y = ones([2, 2], { requiresGrad: true });
    y.triu(1).sum().backward();
    expect(y.grad?.toArray()).toEqual([
      [0, 1],
      [0, 0],
    ]);
  });

  it("reject inputs of rank < 2 and non-integer diagonals, naming the function", () => {
    expect(() => tril(ones([3]))).toThrow(ShapeError);
    expect(() => tril(ones([3]))).toThrow(
      "tril: input must have at least 2 dimensions (a matrix or a batch of them), got shape [3]",
    );
    expect(() => ones([2, 2]).triu(0.5)).toThrow(ArgumentError);
    expect(() => ones([2, 2]).triu(0.5)).toThrow("triu: diagonal must be an integer, got 0.5");
  });
});
