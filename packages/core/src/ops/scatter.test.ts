import { describe, expect, it } from "vitest";
import { ArgumentError, DTypeError, IndexError, ShapeError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { scatter } from "./scatter.js";

const i32 = (v: number[] | number[][]) => tensor(v, { dtype: "int32" });

describe("scatter", () => {
  it("writes src at the indexed positions of a copy: out[i][index[i][j]] = src[i][j] for axis 1", () => {
    expect(scatter(zeros([2, 3]), 1, i32([[2], [0]]), tensor([[5], [6]])).toArray()).toEqual([
      [0, 0, 5],
      [6, 0, 0],
    ]);
    const x = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    // axis 0: out[index[i][j]][j] = src[i][j]
    expect(scatter(x, 0, i32([[1, 0, 1]]), tensor([[7, 8, 9]])).toArray()).toEqual([
      [1, 8, 3],
      [7, 5, 9],
    ]);
    expect(x.scatter(-1, i32([[0], [2]]), tensor([[0], [0]])).toArray()).toEqual([
      [0, 2, 3],
      [4, 5, 0],
    ]);
  });

  it("writes a number at every indexed position, cast to the input's dtype", () => {
    expect(scatter(zeros([4]), 0, i32([0, 2]), 1).toArray()).toEqual([1, 0, 1, 0]);
    const n = scatter(tensor([1, 2, 3], { dtype: "int32" }), 0, i32([1]), 7.9);
    expect(n.dtype).toBe("int32");
    expect(n.toArray()).toEqual([1, 7, 3]);
  });

  it("reads only the part of a larger src that index covers", () => {
    const src = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(scatter(zeros([2, 2]), 1, i32([[1], [0]]), src).toArray()).toEqual([
      [0, 1],
      [4, 0],
    ]);
  });

  it("where index repeats a position, the last value in row-major order wins", () => {
    expect(scatter(zeros([2]), 0, i32([1, 1, 1]), tensor([3, 4, 5])).toArray()).toEqual([0, 5]);
  });

  it("gradients as PyTorch's: input's is zero where written, src's is g gathered at index", () => {
    const x = tensor([1, 2, 3, 4], { requiresGrad: true });
    const s = tensor([10, 20, 30], { requiresGrad: true });
    scatter(x, 0, i32([3, 0, 3]), s)
      .mul(tensor([1, 2, 3, 4]))
      .sum()
      .backward();
    expect(x.grad?.toArray()).toEqual([0, 2, 3, 0]);
    // position 3 is written twice; both writers read its gradient back, as in PyTorch
    expect(s.grad?.toArray()).toEqual([4, 1, 4]);
  });

  it("validates index and src, naming scatter and the bad value", () => {
    const x = zeros([2, 3]);
    expect(() => scatter(x, 1, i32([[3], [0]]), tensor([[1], [1]]))).toThrow(IndexError);
    expect(() => scatter(x, 1, i32([[3], [0]]), tensor([[1], [1]]))).toThrow(
      "scatter: index value 3 at flat position 0 is out of range for axis 1 of size 3 (valid: 0 to 2)",
    );
    expect(() => scatter(x, 1, i32([[-1], [0]]), 1)).toThrow(ArgumentError);
    expect(() => scatter(x, 1, tensor([[1], [0]]), 1)).toThrow(DTypeError);
    expect(() => scatter(x, 1, tensor([[1], [0]]), 1)).toThrow(
      "scatter: index must be int32, got float32",
    );
    expect(() => scatter(x, 1, [[1], [0]] as unknown as ReturnType<typeof i32>, 1)).toThrow(
      "scatter: index must be an int32 Tensor, got",
    );
    expect(() => scatter(x, 1, i32([1, 0]), 1)).toThrow(ShapeError);
    expect(() => scatter(x, 1, i32([1, 0]), 1)).toThrow(
      "scatter: index has shape [2] but input has shape [2, 3]; they need the same rank",
    );
    expect(() => scatter(x, 1, i32([[0], [1], [0]]), 1)).toThrow(
      "scatter: index shape [3, 1] exceeds input shape [2, 3] on axis 0",
    );
    expect(() => scatter(x, 1, i32([[0, 1]]), tensor([[1]]))).toThrow(
      "scatter: src has shape [1, 1] but index has shape [1, 2]; src needs index's rank and at least its size on every axis",
    );
    expect(() => scatter(x, 1, i32([[0]]), tensor([[1]], { dtype: "float64" }))).toThrow(
      "scatter: src is float64 but input is float32",
    );
    expect(() => scatter(x, 2, i32([[0]]), 1)).toThrow(/^scatter: axis 2 is out of range/);
  });
});
