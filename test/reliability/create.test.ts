/** Issue 10: creation functions give named errors for bad shapes, values and options, never hang. */
import {
  ArgumentError,
  arange,
  FluxionError,
  full,
  ones,
  rand,
  randint,
  ShapeError,
  tensor,
  zeros,
} from "@fluxion/core";
import { describe, expect, it } from "vitest";

describe("shapes", () => {
  it("a number is a 1-D shape, as in PyTorch's zeros(3)", () => {
    expect(zeros(3).shape).toEqual([3]);
    expect(ones(2).toArray()).toEqual([1, 1]);
    expect(full(2, 7).toArray()).toEqual([7, 7]);
    expect(rand(4).shape).toEqual([4]);
  });
  it("a non-array shape is an ArgumentError naming the function", () => {
    expect(() => zeros("3" as never)).toThrow(/zeros: shape must be an array/);
    expect(() => ones({} as never)).toThrow(ArgumentError);
    expect(() => zeros([2, Number.NaN])).toThrow(/zeros: shape must be a list of non-negative/);
  });
  it("shapes too large for memory give a ShapeError naming the function, not a RangeError", () => {
    const cases: [string, () => unknown][] = [
      ["zeros", () => zeros([1e6, 1e6])],
      ["ones", () => ones([1e12])],
      ["arange", () => arange(1e12)],
      ["full", () => full([1e10, 1e10], 1)],
      ["expand", () => zeros([1]).expand([1e12])],
      ["add", () => zeros([1e6, 1]).add(zeros([1, 1e6]))],
      ["tensor", () => tensor([1], { shape: [1e6, 1e6] })],
    ];
    for (const [name, f] of cases) {
      expect(f).toThrow(ShapeError);
      expect(f).toThrow(new RegExp(`^${name}: .*elements`));
    }
  });
});

describe("values and options", () => {
  it("full with a non-number value is an error (not NaN)", () => {
    expect(() => full([2], "a" as never)).toThrow(/full: fill value must be a number, got "a"/);
  });
  it("randint refuses ranges that do not fit the dtype", () => {
    expect(() => randint(0, 2 ** 33, [5])).toThrow(
      /randint: the range \[0, 8589934592\) does not fit in int32/,
    );
    expect(() => randint(-(2 ** 31) - 1, 0, [5])).toThrow(ArgumentError);
    const wide = randint(0, 2 ** 33, [50], { dtype: "float64" });
    for (const v of wide.data()) expect(v >= 0 && v < 2 ** 33 && Number.isInteger(v)).toBe(true);
    const edge = randint(-(2 ** 31), 2 ** 31, [50]);
    expect(edge.dtype).toBe("int32");
  });
  it("tensor(nested, { shape, requiresGrad }) keeps requiresGrad", () => {
    const t = tensor([1, 2, 3, 4], { shape: [2, 2], requiresGrad: true });
    expect(t.shape).toEqual([2, 2]);
    expect(t.requiresGrad).toBe(true);
    expect(t.isLeaf).toBe(true);
  });
  it("requiresGrad must be a boolean", () => {
    expect(() => tensor([1], { requiresGrad: "false" as never })).toThrow(
      /tensor: requiresGrad must be true or false, got "false"/,
    );
    expect(() => zeros([1], { requiresGrad: 1 as never })).toThrow(ArgumentError);
  });
});

describe("nested arrays", () => {
  it("10,000 levels deep work without a stack overflow", () => {
    let a: unknown = 1;
    for (let i = 0; i < 10_000; i++) a = [a];
    const t = tensor(a as never);
    expect(t.ndim).toBe(10_000);
    expect(t.item()).toBe(1);
    let back = t.toArray();
    for (let i = 0; i < 10_000; i++) back = (back as unknown[])[0] as never;
    expect(back).toBe(1);
  });
  it("an array that contains itself is an error, not a hang", () => {
    const a: unknown[] = [1];
    a[0] = a;
    expect(() => tensor(a as never)).toThrow(/tensor: the nested array contains itself/);
    const b: unknown[] = [[1], [2]];
    b[1] = b;
    expect(() => tensor(b as never)).toThrow(FluxionError);
  });
  it("non-numeric data names what was found and where", () => {
    expect(() =>
      tensor([
        [1, 2],
        [3, null],
      ] as never),
    ).toThrow(/\[1, 1\].*null/);
    expect(() => tensor(undefined as never)).toThrow(ArgumentError);
    expect(() => tensor("abc" as never)).toThrow(ArgumentError);
  });
});
