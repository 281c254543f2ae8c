import { describe, expect, it } from "vitest";
import { ArgumentError, DTypeError, IndexError, ShapeError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { gather, scatterAdd } from "./gather.js";

const i32 = (v: number[] | number[][]) => tensor(v, { dtype: "int32" });

describe("gather", () => {
  const x = tensor([
    [1, 2],
    [3, 4],
  ]);

  it("picks along an axis: out[i][j] = x[i][index[i][j]] for axis 1", () => {
    expect(gather(x, 1, i32([[1], [0]])).toArray()).toEqual([[2], [3]]);
    expect(gather(x, 0, i32([[1, 0]])).toArray()).toEqual([[3, 2]]);
    expect(
      gather(
        x,
        -1,
        i32([
          [0, 0, 1],
          [1, 1, 1],
        ]),
      ).toArray(),
    ).toEqual([
      [1, 1, 2],
      [4, 4, 4],
    ]);
  });

  it("adds gradients back at the picked positions (repeats accumulate)", () => {
    const w = tensor([10, 20, 30], { requiresGrad: true });
    gather(w, 0, i32([2, 2, 0]))
      .sum()
      .backward();
    expect(w.grad?.toArray()).toEqual([1, 0, 2]);
  });

  it("validates the index: dtype, rank, size and values", () => {
    expect(() => gather(x, 1, tensor([[0], [1]]))).toThrow(DTypeError);
    expect(() => gather(x, 1, tensor([[0], [1]]))).toThrow(
      "gather: index must be int32, got float32",
    );
    expect(() => gather(x, 1, i32([0, 1]))).toThrow(ShapeError);
    expect(() => gather(x, 1, i32([0, 1]))).toThrow(
      "gather: index has shape [2] but input has shape [2, 2]; they need the same rank",
    );
    expect(() => gather(x, 1, i32([[0], [1], [0]]))).toThrow(
      "gather: index shape [3, 1] exceeds input shape [2, 2] on axis 0",
    );
    expect(() => gather(x, 1, i32([[0], [2]]))).toThrow(ArgumentError);
    expect(() => gather(x, 1, i32([[0], [2]]))).toThrow(
      "gather: index value 2 at flat position 1 is out of range for axis 1 of size 2",
    );
    expect(() => gather(x, 1, i32([[-1], [0]]))).toThrow(IndexError);
    expect(() => gather(x, 1, i32([[-1], [0]]))).toThrow(
      "gather: index value -1 at flat position 0 is out of range for axis 1 of size 2 (valid: 0 to 1)",
    );
  });
});

describe("scatterAdd", () => {
  it("adds src at the indexed positions of a copy", () => {
    expect(scatterAdd(zeros([3]), 0, i32([0, 0, 2]), tensor([1, 2, 3])).toArray()).toEqual([
      3, 0, 3,
    ]);
    expect(scatterAdd(zeros([2, 2]), 1, i32([[1], [0]]), tensor([[5], [6]])).toArray()).toEqual([
      [0, 5],
      [6, 0],
    ]);
  });

  it("passes the gradient to base and gathers it for src", () => {
    const b = zeros([3]).requiresGrad_();
    const s = zeros([2]).requiresGrad_();
    scatterAdd(b, 0, i32([2, 0]), s)
      .mul(tensor([1, 2, 3]))
      .sum()
      .backward();
    expect(b.grad?.toArray()).toEqual([1, 2, 3]);
    expect(s.grad?.toArray()).toEqual([3, 1]);
  });

  it("reads only the part of a larger src that index covers (as torch.scatter_add)", () => {
    const src = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    // index [[0, 1]]: out[0][0] += src[0][0], out[1][1] += src[0][1]; src's other values unused
    expect(scatterAdd(zeros([2, 2]), 0, i32([[0, 1]]), src).toArray()).toEqual([
      [1, 0],
      [0, 2],
    ]);
    const s = src.detach().requiresGrad_();
    scatterAdd(zeros([2, 2]), 0, i32([[0, 1]]), s)
      .sum()
      .backward();
    expect(s.grad?.toArray()).toEqual([
      [1, 1, 0],
      [0, 0, 0],
    ]);
  });

  it("requires src at least as large as index, of the input's dtype", () => {
    expect(() => scatterAdd(zeros([3]), 0, i32([0, 1]), tensor([1]))).toThrow(
      "scatterAdd: src has shape [1] but index has shape [2]; src needs index's rank and at least its size on every axis",
    );
    expect(() => scatterAdd(zeros([3]), 0, i32([0]), tensor([1], { dtype: "float64" }))).toThrow(
      "scatterAdd: src is float64 but input is float32",
    );
  });
});
