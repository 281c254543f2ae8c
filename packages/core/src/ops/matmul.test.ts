import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { DTypeError, ShapeError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { matmul } from "./matmul.js";

const f64 = { dtype: "float64" } as const;

describe("matmul", () => {
  const A = tensor(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    f64,
  ); // [2, 3]
  const B = tensor(
    [
      [1, 0],
      [0, 1],
      [1, 1],
    ],
    f64,
  ); // [3, 2]

  it("multiplies matrices (hand-computed)", () => {
    expect(matmul(A, B).toArray()).toEqual([
      [4, 5],
      [10, 11],
    ]);
    expect(A.matmul(B).add(1).sum().item()).toBe(34);
  });

  it("handles vectors like NumPy: [k]·[k, n], [m, k]·[k], [k]·[k]", () => {
    expect(matmul(tensor([1, 1, 1], f64), B).toArray()).toEqual([2, 2]);
    expect(matmul(A, tensor([1, 0, -1], f64)).toArray()).toEqual([-2, -2]);
    const dot = matmul(tensor([1, 2], f64), tensor([3, 4], f64));
    expect(dot.shape).toEqual([]);
    expect(dot.item()).toBe(11);
  });

  it("batches, broadcasting batch dimensions", () => {
    const a = tensor(
      [
        [
          [1, 0],
          [0, 1],
        ],
        [
          [2, 0],
          [0, 2],
        ],
      ],
      f64,
    ); // [2, 2, 2]
    const b = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      f64,
    ); // [2, 2]
    expect(matmul(a, b).toArray()).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [2, 4],
        [6, 8],
      ],
    ]);
    expect(matmul(zeros([3, 1, 2, 4]), zeros([5, 4, 6])).shape).toEqual([3, 5, 2, 6]);
  });

  it("gives ∂/∂A = G Bᵀ and ∂/∂B = Aᵀ G", () => {
    const [gA, gB] = grad((a, b) => matmul(a, b).sum(), { argnums: [0, 1] })(A, B);
    expect(gA?.toArray()).toEqual([
      [1, 1, 2],
      [1, 1, 2],
    ]);
    expect(gB?.toArray()).toEqual([
      [5, 5],
      [7, 7],
      [9, 9],
    ]);
  });

  it("sums the gradient of a broadcast batch dimension", () => {
    const b = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { ...f64, requiresGrad: true },
    );
    matmul(zeros([3, 2, 2], f64).add(1), b)
      .sum()
      .backward();
    // each of the 3 batches contributes Aᵀ·1 = [[2, 2], [2, 2]]
    expect(b.grad?.toArray()).toEqual([
      [6, 6],
      [6, 6],
    ]);
  });

  it("names the op, both shapes and the inner dimensions on a mismatch", () => {
    expect(() => matmul(zeros([32, 784]), zeros([256, 10]))).toThrow(ShapeError);
    expect(() => matmul(zeros([32, 784]), zeros([256, 10]))).toThrow(
      "matmul: cannot multiply [32, 784] by [256, 10]: inner dimensions 784 and 256 differ",
    );
    expect(() => matmul(zeros([2, 2, 3]), zeros([3, 3, 1]))).toThrow(
      /^matmul: cannot multiply \[2, 2, 3\] by \[3, 3, 1\]: their batch dimensions \[2\] and \[3\] cannot be broadcast together/,
    );
    expect(() => matmul(tensor(1), zeros([1]))).toThrow(
      "matmul: both arguments need at least one dimension, got [] and [1]",
    );
    expect(() => matmul(zeros([1, 1]), zeros([1, 1], f64))).toThrow(DTypeError);
  });

  it("propagates NaN", () => {
    expect(matmul(tensor([[Number.NaN, 1]]), tensor([[0], [1]])).item()).toBeNaN();
  });
});
