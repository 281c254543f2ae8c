/**
 * fast-check arbitraries for the API fuzz: small tensors of every dtype (often with special values),
 * numbers at the edges, shapes (often invalid), option objects with known keys and random values,
 * and junk (strings, null, functions). Sizes stay small so that any valid call is fast: a slow call
 * is a hang, not work.
 */
import { type DType, type Tensor, tensor } from "@fluxion/core";
import fc from "fast-check";

const dtypes: readonly DType[] = ["float32", "float64", "int32"];

export const arbDType: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(...dtypes) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("float16", "int64", "", 32) },
);

/** Dimension sizes: mostly 1–3, sometimes 0. */
const arbDim = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 3 }) }, fc.constant(0));
export const arbValidShape = fc.array(arbDim, { maxLength: 3 });

/** Shapes as users get them wrong: negative, fractional, huge, NaN, a number, nested. */
export const arbShapeLike: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: arbValidShape },
  {
    weight: 2,
    arbitrary: fc.array(
      fc.constantFrom<unknown>(-1, 1.5, 1e12, Number.NaN, Number.POSITIVE_INFINITY, "2", 2 ** 31),
      { minLength: 1, maxLength: 3 },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(3, -3, 1e12, [[2]], [1e6, 1e6]) },
);

const edgeValues = [0, -0, 1, -1, 0.5, 1e30, -1e30, 1e-30, Number.NaN, Infinity, -Infinity];

/** A small tensor: values in [−3, 3], or with special values; float tensors may require grad. */
export const arbTensor: fc.Arbitrary<Tensor> = fc
  .record({
    shape: arbValidShape,
    dtype: fc.constantFrom(...dtypes),
    special: fc.integer({ min: 0, max: 4 }),
    requiresGrad: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1e6 }),
  })
  .map(({ shape, dtype, special, requiresGrad, seed }) => {
    const n = shape.reduce((a, b) => a * b, 1);
    let s = seed;
    const next = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
    const values = Array.from({ length: n }, () => {
      if (special === 0) return edgeValues[Math.floor(next() * edgeValues.length)] as number;
      const v = next() * 6 - 3;
      return dtype === "int32" ? Math.round(v) : v;
    });
    const data =
      dtype === "int32"
        ? Int32Array.from(values, (v) => (Number.isFinite(v) ? Math.max(-5, Math.min(5, v)) : 0))
        : values;
    const t =
      data instanceof Int32Array
        ? tensor(data, { shape })
        : tensor(Float64Array.from(data), { shape, dtype });
    return requiresGrad && dtype !== "int32" ? t.requiresGrad_() : t;
  });

export const arbNumber: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 4 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(0.5, -1.5, 1e10, 2 ** 33, Number.NaN, Infinity, -Infinity),
  },
);

const optionKeys = [
  "dtype",
  "requiresGrad",
  "shape",
  "axis",
  "keepDims",
  "reduction",
  "weight",
  "posWeight",
  "ignoreIndex",
  "labelSmoothing",
  "approximate",
  "alpha",
  "beta",
  "negativeSlope",
  "threshold",
  "temperature",
  "straightThrough",
  "correction",
  "transposeA",
  "transposeB",
  "lr",
  "momentum",
  "slope",
  "retainGraph",
  "createGraph",
  "eps",
  "p",
  "batchSize",
  "shuffle",
] as const;

const arbJunk: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  undefined,
  null,
  "a",
  "false",
  "mean",
  "none",
  "tanh",
  true,
  false,
  () => 1,
  {},
  [],
);

/** An options object: a few known keys with values that are often of the wrong type. */
export const arbOptions: fc.Arbitrary<unknown> = fc
  .dictionary(
    fc.constantFrom(...optionKeys),
    fc.oneof(arbNumber, arbJunk, arbDType, arbTensor, arbValidShape),
    { maxKeys: 3 },
  )
  .map((o) => ({ ...o })); // an ordinary object (fast-check's may have no prototype)

/** Nested arrays of numbers (sometimes ragged or with non-numbers). */
export const arbNested: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { maxLength: 4 }),
  fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2, maxLength: 2 }), {
    maxLength: 3,
  }),
  fc.constantFrom<unknown>([[1, 2], [3]], [1, "a"], [[1], 2], [null]),
);

/** Any argument: mostly tensors and numbers, then shapes, options, nested arrays and junk. */
export const arbArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: arbTensor },
  { weight: 5, arbitrary: arbNumber },
  { weight: 3, arbitrary: arbShapeLike },
  { weight: 3, arbitrary: arbOptions },
  { weight: 2, arbitrary: arbNested },
  { weight: 2, arbitrary: arbJunk },
  { weight: 1, arbitrary: arbDType },
);

export const arbArgs = fc.array(arbArg, { maxLength: 4 });
