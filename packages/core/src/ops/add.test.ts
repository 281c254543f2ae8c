import { describe, expect, it } from "vitest";
import { DTypeError, ShapeError } from "../errors.js";
import { tensor, zeros } from "../tensor/create.js";
import { add } from "./add.js";

const f64 = { dtype: "float64" } as const;

describe("add", () => {
  it("adds elementwise", () => {
    expect(add(tensor([1, 2, 3]), tensor([10, 20, 30])).toArray()).toEqual([11, 22, 33]);
  });

  it("broadcasts size-1 and missing leading axes", () => {
    const a = tensor([[1], [2]]); // [2, 1]
    const b = tensor([10, 20, 30]); // [3]
    const y = add(a, b);
    expect(y.shape).toEqual([2, 3]);
    expect(y.toArray()).toEqual([
      [11, 21, 31],
      [12, 22, 32],
    ]);
    expect(add(zeros([2, 1, 3]), zeros([4, 1])).shape).toEqual([2, 4, 3]);
    expect(add(tensor(5), tensor([[1, 2]])).toArray()).toEqual([[6, 7]]);
  });

  it("takes the tensor's dtype for a number and promotes int32 to float", () => {
    const i = tensor([1, 2], { dtype: "int32" });
    expect(add(i, 1).dtype).toBe("int32");
    expect(add(i, tensor([0.5, 0.5])).dtype).toBe("float32");
    expect(add(i, tensor([0.5, 0.5], f64)).toArray()).toEqual([1.5, 2.5]);
    expect(add(i, tensor([0.5, 0.5], f64)).dtype).toBe("float64");
    expect(add(tensor([1], f64), 2).dtype).toBe("float64");
  });

  it("refuses to mix float32 and float64", () => {
    expect(() => add(tensor([1]), tensor([1], f64))).toThrow(DTypeError);
    expect(() => add(tensor([1]), tensor([1], f64))).toThrow(
      /^add: cannot mix float32 and float64/,
    );
  });

  it("names the op and both shapes when shapes do not broadcast", () => {
    expect(() => add(zeros([2, 3]), zeros([4]))).toThrow(ShapeError);
    expect(() => add(zeros([2, 3]), zeros([4]))).toThrow(
      "add: shapes [2, 3] and [4] cannot be broadcast together (dimension -1 is 3 and 4)",
    );
  });

  it("propagates NaN and Infinity without throwing", () => {
    const y = add(tensor([Number.NaN, Infinity, -Infinity], f64), tensor([1, 1, Infinity], f64));
    const [a, b, c] = y.data();
    expect(a).toBeNaN();
    expect(b).toBe(Infinity);
    expect(c).toBeNaN();
  });

  it("sends the gradient to both inputs, summed over broadcast axes", () => {
    const a = tensor([[1], [2]], { requiresGrad: true });
    const b = tensor([10, 20, 30], { requiresGrad: true });
    add(a, b).sum().backward();
    expect(a.grad?.toArray()).toEqual([[3], [3]]);
    expect(b.grad?.toArray()).toEqual([2, 2, 2]);
  });

  it("handles empty tensors", () => {
    expect(add(zeros([0, 3]), zeros([3])).shape).toEqual([0, 3]);
  });
});
