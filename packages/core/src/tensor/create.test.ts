import { afterEach, describe, expect, it } from "vitest";
import { type DType, getDefaultDType, setDefaultDType } from "../dtype.js";
import { ArgumentError, DTypeError, ShapeError } from "../errors.js";
import { Generator, manualSeed } from "../random/generator.js";
import {
  arange,
  eye,
  full,
  fullLike,
  linspace,
  ones,
  onesLike,
  rand,
  randint,
  randn,
  tensor,
  zeros,
  zerosLike,
} from "./create.js";

describe("tensor()", () => {
  afterEach(() => setDefaultDType("float32"));

  it("reads nested arrays of any depth, scalars and empty arrays", () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe("float32");
    expect(t.size).toBe(6);
    expect(t.ndim).toBe(2);
    expect(t.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(tensor(3.5).shape).toEqual([]);
    expect(tensor(3.5).item()).toBe(3.5);
    expect(tensor([]).shape).toEqual([0]);
    expect(tensor([[[1]], [[2]]]).shape).toEqual([2, 1, 1]);
  });

  it("reads typed arrays with their dtype, an optional shape, and copies them", () => {
    const src = new Float64Array([1, 2, 3, 4]);
    const t = tensor(src, { shape: [2, 2] });
    expect(t.dtype).toBe("float64");
    expect(t.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    src[0] = 100;
    expect(t.data()[0]).toBe(1);
    expect(tensor(new Int32Array([1, 2])).dtype).toBe("int32");
    expect(tensor(new Float32Array([1, 2]), { dtype: "float64" }).dtype).toBe("float64");
    expect(tensor([1, 2, 3, 4], { shape: [2, 2] }).shape).toEqual([2, 2]);
  });

  it("rejects ragged and non-numeric nested arrays, naming where", () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(ArgumentError);
    expect(() => tensor([[1, 2], [3]])).toThrow(
      "tensor: ragged nested array: element [1] has length 1, expected 2",
    );
    expect(() => tensor([[1, 2], 3] as never)).toThrow(
      "tensor: ragged nested array: element [1] has no length, expected 2",
    );
    expect(() => tensor([1, [2]] as never)).toThrow(
      "tensor: expected a number at [1], got an array (ragged or non-numeric data)",
    );
    expect(() => tensor(["a"] as never)).toThrow('tensor: expected a number at [0], got "a"');
  });

  it("validates typed-array shapes and types", () => {
    expect(() => tensor(new Float32Array(3), { shape: [2, 2] })).toThrow(
      "tensor: shape [2, 2] needs 4 values but the array has 3",
    );
    expect(() => tensor(new Uint8Array(2) as never)).toThrow(DTypeError);
    expect(() => tensor(new Float32Array(2), { shape: [-2, -1] })).toThrow(
      "tensor: shape must be a list of non-negative integers, got [-2, -1]",
    );
    expect(() => tensor([1, 2, 3], { shape: [2, 2] })).toThrow(ShapeError);
  });

  it("validates int32 data: integers within 32 bits only", () => {
    expect(tensor([1, -2], { dtype: "int32" }).toArray()).toEqual([1, -2]);
    expect(() => tensor([1.5], { dtype: "int32" })).toThrow(DTypeError);
    expect(() => tensor([1.5], { dtype: "int32" })).toThrow(
      "tensor: value 1.5 at flat index 0 is not a 32-bit integer, so it cannot be stored as int32",
    );
    expect(() => tensor([0, 2 ** 31], { dtype: "int32" })).toThrow(
      /value 2147483648 at flat index 1/,
    );
    expect(() => tensor(new Float64Array([Number.NaN]), { dtype: "int32" })).toThrow(DTypeError);
    expect(() => full([2], 0.5, { dtype: "int32" })).toThrow(/^full: value 0.5/);
    expect(() => tensor([1], { dtype: "int32", requiresGrad: true })).toThrow(
      "tensor: an int32 tensor cannot require grad",
    );
  });

  it("follows the default dtype, which only float dtypes can be", () => {
    setDefaultDType("float64");
    expect(getDefaultDType()).toBe("float64");
    expect(tensor([1]).dtype).toBe("float64");
    expect(zeros([1]).dtype).toBe("float64");
    expect(() => setDefaultDType("int32")).toThrow(DTypeError);
    expect(() => setDefaultDType("int32")).toThrow(
      'setDefaultDType: expected "float32" or "float64", got int32',
    );
    expect(() => tensor([1], { dtype: "bool" as DType })).toThrow(
      "tensor: unknown dtype bool (expected float32, float64 or int32)",
    );
  });

  it("stores NaN and Infinity as given", () => {
    const [a, b] = tensor([Number.NaN, -Infinity]).data();
    expect(a).toBeNaN();
    expect(b).toBe(-Infinity);
  });
});

describe("constant tensors", () => {
  it("zeros, ones, full and the *Like forms", () => {
    expect(zeros([2, 1]).toArray()).toEqual([[0], [0]]);
    expect(ones([2], { dtype: "int32" }).toArray()).toEqual([1, 1]);
    expect(full([], 7).item()).toBe(7);
    const x = tensor([1, 2], { dtype: "float64" });
    expect(zerosLike(x).dtype).toBe("float64");
    expect(onesLike(x).toArray()).toEqual([1, 1]);
    expect(fullLike(x, 3, { dtype: "int32" }).toArray()).toEqual([3, 3]);
    expect(zeros([0, 4]).size).toBe(0);
    expect(zeros([2], { requiresGrad: true }).requiresGrad).toBe(true);
    expect(() => zeros([2, -1])).toThrow(
      "zeros: shape must be a list of non-negative integers, got [2, -1]",
    );
    expect(() => ones([1.5])).toThrow(ArgumentError);
  });

  it("arange: end only, start/end/step, negative and fractional steps", () => {
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(2, 5).toArray()).toEqual([2, 3, 4]);
    expect(arange(5, 0, -2).toArray()).toEqual([5, 3, 1]);
    expect(arange(0, 1, 0.25, { dtype: "float64" }).toArray()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(arange(3, 1).shape).toEqual([0]);
    expect(arange(3, undefined, 1, { dtype: "int32" }).dtype).toBe("int32");
    expect(() => arange(0, 1, 0)).toThrow(ArgumentError);
    expect(() => arange(0, 1, 0)).toThrow(
      "arange: start, end and step must be finite and step non-zero, got (0, 1, 0)",
    );
    expect(() => arange(Infinity)).toThrow(/^arange: /);
  });

  it("linspace includes both ends exactly", () => {
    const l = linspace(0, 1, 5, { dtype: "float64" });
    expect(l.toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(-1, 1, 3, { dtype: "float64" }).toArray()).toEqual([-1, 0, 1]);
    expect(linspace(0, 0.3, 7, { dtype: "float64" }).data()[6]).toBe(0.3);
    expect(linspace(2, 3, 1).toArray()).toEqual([2]);
    expect(linspace(2, 3, 0).shape).toEqual([0]);
    expect(() => linspace(0, 1, -1)).toThrow(
      "linspace: steps must be a non-negative integer, got -1",
    );
  });

  it("eye: square and rectangular identities", () => {
    expect(eye(2).toArray()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(eye(2, 3).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(() => eye(-1)).toThrow(ArgumentError);
  });
});

describe("random tensors", () => {
  it("manualSeed makes rand, randn and randint reproducible", () => {
    manualSeed(123);
    const a = [rand([5]).data(), randn([5]).data(), randint(0, 10, [5]).data()];
    manualSeed(123);
    const b = [rand([5]).data(), randn([5]).data(), randint(0, 10, [5]).data()];
    expect(b).toEqual(a);
    manualSeed(124);
    expect(rand([5]).data()).not.toEqual(a[0]);
  });

  it("an explicit Generator is independent of the default one", () => {
    const g1 = new Generator(7);
    const g2 = new Generator(7);
    manualSeed(1);
    const x = randn([4], { generator: g1, dtype: "float64" });
    rand([10]); // advances only the default generator
    expect(randn([4], { generator: g2, dtype: "float64" }).data()).toEqual(x.data());
  });

  it("rand is uniform in [0, 1); randint in [low, high) and int32", () => {
    manualSeed(5);
    const u = rand([20000], { dtype: "float64" }).data();
    let sum = 0;
    for (const v of u) {
      expect(v >= 0 && v < 1).toBe(true);
      sum += v;
    }
    // mean of U(0, 1) is 1/2 with standard error 1/√(12·20000) ≈ 0.002
    expect(Math.abs(sum / u.length - 0.5)).toBeLessThan(0.01);
    const r = randint(-3, 3, [5000]);
    expect(r.dtype).toBe("int32");
    const seen = new Set(r.data());
    expect([...seen].sort((p, q) => p - q)).toEqual([-3, -2, -1, 0, 1, 2]);
  });

  it("randn has mean ≈ 0 and standard deviation ≈ 1 over many samples", () => {
    manualSeed(42);
    const z = Array.from(randn([50000], { dtype: "float64" }).data());
    const n = z.length;
    const mean = z.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(z.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    // standard errors: 1/√n ≈ 0.0045 for the mean, ≈ 0.0032 for the standard deviation
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    // about 95.45% of a normal sample lies within two standard deviations
    const within = z.filter((v) => Math.abs(v) < 2).length / n;
    expect(Math.abs(within - 0.9545)).toBeLessThan(0.01);
  });

  it("validates its arguments", () => {
    expect(() => randint(3, 3, [1])).toThrow(ArgumentError);
    expect(() => randint(3, 3, [1])).toThrow(
      "randint: needs integers low < high, got low=3, high=3",
    );
    expect(() => randint(0.5, 3, [1])).toThrow(/^randint: needs integers/);
    expect(() => rand([2], { dtype: "int32" })).toThrow(
      "rand: needs a float dtype; use randint for integers",
    );
    expect(() => randn([2], { dtype: "int32" })).toThrow(DTypeError);
    expect(() => randn([-1])).toThrow(
      "randn: shape must be a list of non-negative integers, got [-1]",
    );
    expect(() => manualSeed(Number.NaN)).toThrow(
      "manualSeed: seed must be a finite number, got NaN",
    );
  });
});
