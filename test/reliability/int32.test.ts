/** Issue 10: int32 arithmetic follows PyTorch's type promotion; in-place ops never silently truncate. */
import { ArgumentError, DTypeError, tensor, zeros } from "@fluxion/core";
import { describe, expect, it } from "vitest";

const int = (v: number[]) => tensor(v, { dtype: "int32" });

describe("int32 with a JS number", () => {
  it("an integer number keeps int32", () => {
    const r = int([1, 2]).add(3);
    expect(r.dtype).toBe("int32");
    expect(r.toArray()).toEqual([4, 5]);
  });
  it("a number outside int32 (1e10) gives a float result, not a wrapped integer", () => {
    const r = int([1]).add(1e10);
    expect(r.dtype).toBe("float32");
    expect(r.item()).toBeCloseTo(1e10, -4);
  });
  it("a fraction gives a float result: add, sub, mul, maximum, pow", () => {
    expect(int([1]).add(0.5).toArray()).toEqual([1.5]);
    expect(int([1]).sub(0.25).toArray()).toEqual([0.75]);
    expect(int([3]).mul(0.5).toArray()).toEqual([1.5]);
    expect(int([1]).maximum(1.5).toArray()).toEqual([1.5]);
    expect(int([4]).pow(0.5).toArray()).toEqual([2]);
  });
  it("NaN and Infinity give float results", () => {
    expect(int([1]).add(Number.NaN).item()).toBeNaN();
    expect(int([1]).mul(Number.POSITIVE_INFINITY).item()).toBe(Number.POSITIVE_INFINITY);
  });
  it("clamp with fractional bounds is float; with integer bounds stays int32", () => {
    const c = int([0, 1, 2]).clamp(0.5, 1.5);
    expect(c.dtype).toBe("float32");
    expect(c.toArray()).toEqual([0.5, 1, 1.5]);
    const k = int([0, 1, 2]).clamp(1);
    expect(k.dtype).toBe("int32");
    expect(k.toArray()).toEqual([1, 1, 2]);
  });
  it("clamp refuses non-numbers", () => {
    expect(() => zeros([2]).clamp("1" as unknown as number)).toThrow(
      /clamp: min and max must be numbers/,
    );
  });
});

describe("in-place ops on int32", () => {
  it("add_(0.5) is an error and leaves the tensor unchanged", () => {
    const t = int([1, 2]);
    expect(() => t.add_(0.5)).toThrow(DTypeError);
    expect(() => t.add_(0.5)).toThrow(/add_.*float32.*int32/);
    expect(t.toArray()).toEqual([1, 2]);
  });
  it("mul_/sub_/div_ needing a float result are errors; integer ones work", () => {
    const t = int([4, 6]);
    expect(() => t.mul_(0.5)).toThrow(DTypeError);
    expect(() => t.sub_(tensor([0.5, 0.5]))).toThrow(DTypeError);
    expect(() => t.div_(2)).toThrow(DTypeError);
    t.add_(1);
    t.mul_(2);
    expect(t.toArray()).toEqual([10, 14]);
  });
  it("fill_ with a non-integer or a non-number is an error", () => {
    expect(() => int([1]).fill_(0.5)).toThrow(/fill_.*0.5.*int32/);
    expect(() => int([1]).fill_(Number.NaN)).toThrow(DTypeError);
    expect(() => zeros([1]).fill_("a" as unknown as number)).toThrow(ArgumentError);
  });
  it("copy_ converts like PyTorch's copy_ (truncation towards zero)", () => {
    expect(
      int([0, 0])
        .copy_(tensor([1.7, -1.7]))
        .toArray(),
    ).toEqual([1, -1]);
  });
});
