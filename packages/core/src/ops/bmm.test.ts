import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ShapeError } from "../errors.js";
import { ones, tensor, zeros } from "../tensor/create.js";
import { bmm } from "./bmm.js";

const f64 = { dtype: "float64" } as const;

describe("bmm", () => {
  // two batches: [[1, 2], [3, 4]] and [[0, 1], [1, 0]] times [[1, 0, 2], [0, 1, 3]] and [[2, 1, 0], [1, 1, 1]]
  const a = tensor(
    [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [0, 1],
        [1, 0],
      ],
    ],
    f64,
  );
  const b = tensor(
    [
      [
        [1, 0, 2],
        [0, 1, 3],
      ],
      [
        [2, 1, 0],
        [1, 1, 1],
      ],
    ],
    f64,
  );

  it("multiplies each batch entry (hand-computed)", () => {
    expect(bmm(a, b).toArray()).toEqual([
      [
        [1, 2, 8],
        [3, 4, 18],
      ],
      [
        [1, 1, 1],
        [2, 1, 0],
      ],
    ]);
    expect(a.bmm(b).shape).toEqual([2, 2, 3]);
  });

  it("has the gradient Σ G·Bᵀ per batch (of a sum: row sums of B)", () => {
    const [ga, gb] = grad((x, y) => bmm(x, y).sum(), { argnums: [0, 1] })(a, b);
    // ∂/∂A[b, i, k] = Σ_j B[b, k, j]
    expect(ga?.toArray()).toEqual([
      [
        [3, 4],
        [3, 4],
      ],
      [
        [3, 3],
        [3, 3],
      ],
    ]);
    // ∂/∂B[b, k, j] = Σ_i A[b, i, k]
    expect(gb?.toArray()).toEqual([
      [
        [4, 4, 4],
        [6, 6, 6],
      ],
      [
        [1, 1, 1],
        [1, 1, 1],
      ],
    ]);
  });

  it("handles empty batches and empty inner dimensions", () => {
    expect(bmm(zeros([0, 2, 3]), zeros([0, 3, 4])).shape).toEqual([0, 2, 4]);
    expect(bmm(ones([2, 2, 0]), ones([2, 0, 3])).toArray()).toEqual([
      [
        [0, 0, 0],
        [0, 0, 0],
      ],
      [
        [0, 0, 0],
        [0, 0, 0],
      ],
    ]);
  });

  it("refuses other ranks, unequal batches (no broadcasting) and mismatched inner sizes", () => {
    expect(() => bmm(ones([2, 3]), ones([3, 4]))).toThrow(ShapeError);
    expect(() => bmm(ones([2, 3]), ones([3, 4]))).toThrow(
      /^bmm: input must be a 3-D tensor .*got shape \[2, 3\]/,
    );
    expect(() => bmm(ones([1, 2, 3]), ones([3, 4]))).toThrow(/^bmm: mat2 must be a 3-D tensor/);
    expect(() => bmm(ones([1, 2, 3]), ones([4, 3, 4]))).toThrow(
      /^bmm: input \[1, 2, 3\] holds 1 matrices but mat2 \[4, 3, 4\] holds 4/,
    );
    expect(() => bmm(ones([2, 2, 3]), ones([2, 4, 4]))).toThrow(
      /^bmm: cannot multiply \[2, 2, 3\] by \[2, 4, 4\]: inner dimensions 3 and 4 differ/,
    );
  });
});
