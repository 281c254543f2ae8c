/**
 * `@fluxion/core/testing`: fast-check arbitraries for property-testing ops (built-in or your own,
 * made with `defineOp`), and the spec type of the registry-wide gradient test. Needs `fast-check`
 * (an optional peer dependency of `@fluxion/core`); nothing in `@fluxion/core` itself imports it.
 *
 * @example
 * import fc from "fast-check";
 * import { gradcheck } from "@fluxion/core";
 * import { arbTensor } from "@fluxion/core/testing";
 *
 * fc.assert(fc.property(arbTensor({ min: 0.1, max: 3 }), (x) => gradcheck((t) => t.log(), [x]).ok));
 *
 * @module @fluxion/core/testing
 */
import fc from "fast-check";
// The tensors made here have their methods even when only this entry is imported.
import "../tensor-methods.js";
import type { DType } from "../dtype.js";
import type { Shape } from "../shape.js";
import { tensor } from "../tensor/create.js";
import type { Tensor } from "../tensor/tensor.js";

export type { OpCase, OpTestSpec } from "./spec.js";

/** Limits of a drawn shape. */
export interface ShapeConstraints {
  /** Fewest dimensions (default 0: a scalar is possible). */
  minRank?: number;
  /** Most dimensions (default 3). */
  maxRank?: number;
  /** Smallest size of an axis (default 1; 0 allows empty tensors). */
  minDim?: number;
  /** Largest size of an axis (default 4). */
  maxDim?: number;
  /** Most elements in total (default: no limit beyond maxDim^maxRank). Larger draws are shrunk. */
  maxSize?: number;
}

function resolveShapeConstraints(c: ShapeConstraints) {
  const minRank = c.minRank ?? 0;
  const maxRank = c.maxRank ?? Math.max(3, minRank);
  const minDim = c.minDim ?? 1;
  const maxDim = c.maxDim ?? Math.max(4, minDim);
  if (!(Number.isInteger(minRank) && minRank >= 0 && maxRank >= minRank)) {
    throw new RangeError(`arbShape: need 0 ≤ minRank ≤ maxRank, got ${minRank}, ${maxRank}`);
  }
  if (!(Number.isInteger(minDim) && minDim >= 0 && maxDim >= minDim)) {
    throw new RangeError(`arbShape: need 0 ≤ minDim ≤ maxDim, got ${minDim}, ${maxDim}`);
  }
  return { minRank, maxRank, minDim, maxDim, maxSize: c.maxSize ?? Infinity };
}

/** Caps the number of elements by lowering the largest axes (never below minDim). */
function capSize(shape: number[], maxSize: number, minDim: number): number[] {
  const s = [...shape];
  const size = () => s.reduce((p, d) => p * d, 1);
  while (size() > maxSize) {
    // the largest axis (the first of equals)
    const largest = Math.max(...s);
    const k = s.indexOf(largest);
    if (largest <= Math.max(minDim, 1)) break;
    s[k] = largest - 1;
  }
  return s;
}

/**
 * Shapes: lists of axis sizes, outermost first (`[]` is a scalar).
 *
 * @example
 * fc.sample(arbShape({ minRank: 1, maxRank: 3, maxDim: 5 }), 3); // e.g. [[2], [5, 1, 3], [4, 4]]
 */
export function arbShape(constraints: ShapeConstraints = {}): fc.Arbitrary<number[]> {
  const { minRank, maxRank, minDim, maxDim, maxSize } = resolveShapeConstraints(constraints);
  return fc
    .array(fc.integer({ min: minDim, max: maxDim }), { minLength: minRank, maxLength: maxRank })
    .map((s) => capSize(s, maxSize, minDim));
}

/**
 * `n` shapes that broadcast together under NumPy rules: a common shape is drawn (with the
 * constraints), then each operand drops some leading axes and sets some others to 1. The first element of the result is the
 * broadcast shape; the rest are the n operand shapes.
 *
 * @example
 * fc.sample(arbBroadcastableShapes(2, { maxRank: 3 }), 1); // e.g. [[[2, 3, 4], [3, 1], [2, 1, 4]]]
 * // → broadcast [2, 3, 4]; operands [3, 1] and [2, 1, 4]
 */
export function arbBroadcastableShapes(
  n: number,
  constraints: ShapeConstraints = {},
): fc.Arbitrary<[broadcast: number[], ...operands: number[][]]> {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`arbBroadcastableShapes: n must be a positive integer, got ${n}`);
  resolveShapeConstraints(constraints);
  return arbShape(constraints).chain((target) => {
    const operand = fc
      .tuple(
        fc.integer({ min: 0, max: target.length }),
        fc.array(fc.boolean(), { minLength: target.length, maxLength: target.length }),
      )
      .map(([dropped, ones]) =>
        target.slice(dropped).map((d, i) => ((ones[i + dropped] as boolean) ? 1 : d)),
      );
    return fc.array(operand, { minLength: n, maxLength: n }).map((ops) => {
      // The broadcast shape of the operands (it may be smaller than the target when every operand
      // dropped or flattened an axis).
      const rank = Math.max(0, ...ops.map((s) => s.length));
      const out = new Array<number>(rank).fill(1);
      for (const s of ops)
        s.forEach((d, i) => {
          const k = rank - s.length + i;
          if (d !== 1) out[k] = d;
        });
      return [out, ...ops] as [number[], ...number[][]];
    });
  });
}

/** What `arbTensor` draws. */
export interface TensorConstraints {
  /** A fixed shape, or an arbitrary of shapes (default `arbShape()`). */
  shape?: Shape | fc.Arbitrary<readonly number[]>;
  /** Element type (default float64). */
  dtype?: DType;
  /** Smallest value (default −10; for int32 the smallest integer). */
  min?: number;
  /** Largest value (default 10; for int32 the largest integer). */
  max?: number;
  /** Also draw NaN and ±Infinity (default false). */
  nonFinite?: boolean;
  /**
   * Points to keep away from (kinks such as 0 for abs, or a clamp bound): a value closer than
   * `margin` to one of them is pushed out to that distance.
   */
  avoid?: readonly number[];
  /** Distance kept from each `avoid` point (default 1e-3). */
  margin?: number;
  /**
   * Minimum distance between any two values of the tensor (for max/min without ties; default 0).
   * Values are spread upwards to make room, so they may exceed `max` by up to size·distinct.
   */
  distinct?: number;
  /** Make the drawn tensor a leaf that requires grad (default false). */
  requiresGrad?: boolean;
}

function keepAway(v: number, avoid: readonly number[], margin: number): number {
  let x = v;
  for (const a of avoid) {
    if (Math.abs(x - a) < margin) x = x >= a ? a + margin : a - margin;
  }
  return x;
}

function arbValue(c: TensorConstraints, dtype: DType): fc.Arbitrary<number> {
  if (dtype === "int32") {
    const min = Math.ceil(c.min ?? -10);
    const max = Math.floor(c.max ?? 10);
    return fc.integer({ min, max });
  }
  const min = c.min ?? -10;
  const max = c.max ?? 10;
  const finite = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const avoid = c.avoid ?? [];
  const margin = c.margin ?? 1e-3;
  const kept = avoid.length > 0 ? finite.map((v) => keepAway(v, avoid, margin)) : finite;
  if (!c.nonFinite) return kept;
  return fc.oneof(
    { weight: 8, arbitrary: kept },
    { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity) },
  );
}

/** Spreads sorted-by-value duplicates apart so that any two values differ by at least `gap`. */
function spread(values: number[], gap: number): number[] {
  if (gap <= 0 || values.length < 2) return values;
  const order = values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => a.v - b.v)
    .map(({ i }) => i);
  const out = [...values];
  let prev = Number.NEGATIVE_INFINITY;
  for (const i of order) {
    const v = Math.max(out[i] ?? prev, prev + gap);
    out[i] = v;
    prev = v;
  }
  return out;
}

/**
 * Tensors of a given or drawn shape with values in [min, max]: float64 by default, finite unless
 * `nonFinite` is set, optionally kept away from kinks (`avoid`) and from each other (`distinct`).
 *
 * @example
 * // positive inputs for log, kept 0.1 away from 0
 * fc.assert(fc.property(arbTensor({ min: 0.1, max: 5 }), (x) => x.log().shape.length === x.ndim));
 * // an int32 index tensor of shape [4] with values in [0, 2]
 * arbTensor({ shape: [4], dtype: "int32", min: 0, max: 2 });
 */
export function arbTensor(constraints: TensorConstraints = {}): fc.Arbitrary<Tensor> {
  const dtype = constraints.dtype ?? "float64";
  const shapes: fc.Arbitrary<readonly number[]> =
    constraints.shape === undefined
      ? arbShape()
      : Array.isArray(constraints.shape)
        ? fc.constant(constraints.shape as readonly number[])
        : (constraints.shape as fc.Arbitrary<readonly number[]>);
  const value = arbValue(constraints, dtype);
  return shapes.chain((shape) => {
    const size = shape.reduce((p, d) => p * d, 1);
    return fc.array(value, { minLength: size, maxLength: size }).map((values) => {
      const spaced = dtype === "int32" ? values : spread(values, constraints.distinct ?? 0);
      return tensor(Float64Array.from(spaced), {
        shape,
        dtype,
        requiresGrad: constraints.requiresGrad ?? false,
      });
    });
  });
}

/**
 * Shorthand for `arbTensor({ ...constraints, shape, dtype: "float64" })`: what `gradcheck` needs.
 *
 * @example
 * fc.assert(fc.property(arbFloat64Tensor([2, 3]), (x) => gradcheck((t) => t.exp(), [x]).ok));
 */
export function arbFloat64Tensor(
  shape?: Shape | fc.Arbitrary<readonly number[]>,
  constraints: Omit<TensorConstraints, "shape" | "dtype"> = {},
): fc.Arbitrary<Tensor> {
  return arbTensor({ ...constraints, ...(shape === undefined ? {} : { shape }), dtype: "float64" });
}

/**
 * int32 index tensors of `shape` with values in [0, size) (for gather, scatterAdd, oneHot labels).
 *
 * @example
 * arbIndexTensor([3, 2], 5); // int32 values in 0..4
 */
export function arbIndexTensor(shape: Shape, size: number): fc.Arbitrary<Tensor> {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`arbIndexTensor: size must be a positive integer, got ${size}`);
  return arbTensor({ shape, dtype: "int32", min: 0, max: size - 1 });
}

/**
 * The fast-check seed and run count a property test should use: `FC_SEED` from the environment
 * (default 42), so a failure is reproducible with `FC_SEED=… vitest run`.
 *
 * @example
 * fc.assert(fc.property(arbTensor(), (x) => …), fcParams(20));
 */
export function fcParams(numRuns: number): { seed: number; numRuns: number } {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.FC_SEED;
  const seed = env === undefined || env === "" ? 42 : Number(env);
  if (!Number.isInteger(seed)) throw new RangeError(`FC_SEED must be an integer, got ${env}`);
  return { seed, numRuns };
}
