/**
 * Builders shared by the op test specs (`ops/<op>.spec.ts`): families of ops (elementwise with one
 * or two inputs, comparisons, reductions) drawn the same way. Each spec works out the expected
 * output shape itself, not through the op's shape rule.
 */
import fc from "fast-check";
import { tensor } from "../tensor/create.js";
import type { Tensor } from "../tensor/tensor.js";
import { arbBroadcastableShapes, arbShape, arbTensor } from "./index.js";
import type { OpCase, OpTestSpec } from "./spec.js";

export type Shape = readonly number[];

/** Small shapes: the elementwise Jacobian check is quadratic in the size. */
export const small = { maxRank: 3, maxDim: 3 } as const;

export const size = (s: Shape): number => s.reduce((p, d) => p * d, 1);

/** Values on a grid offset by `offset` plus noise below 0.2: two grids never come within 0.1. */
export function arbGrid(shape: Shape, offset: number): fc.Arbitrary<Tensor> {
  return fc
    .array(
      fc.tuple(fc.integer({ min: -2, max: 2 }), fc.double({ min: -0.2, max: 0.2, noNaN: true })),
      {
        minLength: size(shape),
        maxLength: size(shape),
      },
    )
    .map((vs) => tensor(Float64Array.from(vs.map(([k, u]) => k + offset + u)), { shape }));
}

/** Integer-valued float64 tensors (so eq/ne see equal values as well as different ones). */
function arbIntegral(shape: Shape): fc.Arbitrary<Tensor> {
  return arbTensor({ shape, dtype: "int32", min: -2, max: 2 }).map((t) => t.double());
}

export interface UnaryOptions {
  min?: number;
  max?: number;
  avoid?: readonly number[];
  order?: 0 | 1 | 2;
  label?: string;
}

/** An elementwise op of one input: any small shape, values in [min, max] away from `avoid`. */
export function unary(op: string, call: (x: Tensor) => Tensor, o: UnaryOptions = {}): OpTestSpec {
  return {
    op,
    ...(o.order === undefined ? {} : { order: o.order }),
    cases: arbTensor({
      shape: arbShape(small),
      min: o.min ?? -3,
      max: o.max ?? 3,
      ...(o.avoid ? { avoid: o.avoid, margin: 1e-2 } : {}),
    }).map((x): OpCase => ({ inputs: [x], call, shape: x.shape })),
  };
}

export type Draw = (shape: Shape) => fc.Arbitrary<Tensor>;

/** An elementwise op of two inputs of broadcastable shapes, each drawn by its own `Draw`. */
export function binary(
  op: string,
  call: (a: Tensor, b: Tensor) => Tensor,
  drawA: Draw,
  drawB: Draw,
  extra: Partial<OpTestSpec> = {},
): OpTestSpec {
  return {
    op,
    ...extra,
    cases: arbBroadcastableShapes(2, small).chain(([out, sa, sb]) =>
      fc.tuple(drawA(sa ?? []), drawB(sb ?? [])).map(
        ([a, b]): OpCase => ({
          inputs: [a, b],
          call,
          shape: out,
          ...(extra.order === 0 ? { dtype: "int32" } : {}),
        }),
      ),
    ),
  };
}

export const anyValue: Draw = (shape) => arbTensor({ shape, min: -3, max: 3 });

/** The integers and half-integers in [−3, 3]: where the rounding ops (floor, round…) jump. */
export const roundingJumps: readonly number[] = Array.from({ length: 13 }, (_, i) => -3 + i / 2);

/** A 0/1 test of one input (isnan): values include NaN and ±Infinity; int32 out, no gradient. */
export function unaryTest(op: string, call: (x: Tensor) => Tensor): OpTestSpec {
  return {
    op,
    order: 0,
    cases: arbShape(small).chain((shape) =>
      fc
        .array(fc.constantFrom(0, 1.5, -2, Number.NaN, Number.POSITIVE_INFINITY, -Infinity), {
          minLength: size(shape),
          maxLength: size(shape),
        })
        .map(
          (vs): OpCase => ({
            inputs: [tensor(Float64Array.from(vs), { shape })],
            call,
            shape,
            dtype: "int32",
          }),
        ),
    ),
  };
}

/** A comparison: int32 0/1 output, no gradient, on integral values so that ties occur. */
export function comparison(op: string, call: (a: Tensor, b: Tensor) => Tensor): OpTestSpec {
  return binary(op, call, arbIntegral, arbIntegral, { order: 0 });
}

/** A shape with a subset of its axes to reduce (undefined: all), keepDims, and negative axes. */
const arbReduction = (minDim = 1) =>
  arbShape({ ...small, minDim }).chain((shape) =>
    fc.tuple(
      fc.constant(shape),
      fc.option(fc.subarray(shape.map((_, i) => i)), { nil: undefined }),
      fc.boolean(),
      fc.boolean(),
    ),
  );

/** The shape left after reducing `axes` (undefined: all) of `shape`, worked out independently. */
export function reducedShape(
  shape: Shape,
  axes: readonly number[] | undefined,
  keepDims: boolean,
): number[] {
  const all = axes ?? shape.map((_, i) => i);
  return shape.flatMap((d, i) => (all.includes(i) ? (keepDims ? [1] : []) : [d]));
}

/** Axes written with negative numbers half of the time (the op must normalise them). */
const signed = (axes: readonly number[] | undefined, rank: number, neg: boolean) =>
  axes === undefined || !neg ? axes : axes.map((a) => a - rank);

/** A reduction over any subset of axes (or all), with or without keepDims. */
export function reduction(
  op: string,
  call: (x: Tensor, axes: readonly number[] | undefined, keepDims: boolean) => Tensor,
  values: { min?: number; max?: number; distinct?: number; minDim?: number } = {},
  extra: Partial<OpTestSpec> = {},
): OpTestSpec {
  return {
    op,
    ...extra,
    cases: arbReduction(values.minDim).chain(([shape, axes, keepDims, neg]) =>
      arbTensor({
        shape,
        min: values.min ?? -3,
        max: values.max ?? 3,
        distinct: values.distinct ?? 0,
      }).map((x): OpCase => {
        const ax = signed(axes, shape.length, neg);
        return {
          inputs: [x],
          call: (t) => call(t, ax, keepDims),
          shape: reducedShape(shape, axes, keepDims),
          label: `axes=${JSON.stringify(ax)}, keepDims=${keepDims}`,
        };
      }),
    ),
  };
}

/** argmax/argmin: along an axis (possibly negative) or over the flattened tensor; int32 output. */
export function argReduction(
  op: string,
  call: (x: Tensor, axis: number | undefined, keepDims: boolean) => Tensor,
): OpTestSpec {
  return {
    op,
    order: 0,
    cases: arbShape({ ...small, minRank: 1 }).chain((shape) =>
      fc
        .tuple(
          arbTensor({ shape, min: -3, max: 3 }),
          fc.option(fc.integer({ min: -shape.length, max: shape.length - 1 }), { nil: undefined }),
          fc.boolean(),
        )
        .map(([x, axis, keepDims]): OpCase => {
          const a = axis === undefined ? undefined : (axis + shape.length) % shape.length;
          return {
            inputs: [x],
            call: (t) => call(t, axis, keepDims),
            shape:
              a === undefined
                ? keepDims
                  ? shape.map(() => 1)
                  : []
                : reducedShape(shape, [a], keepDims),
            dtype: "int32",
            label: `axis=${axis}, keepDims=${keepDims}`,
          };
        }),
    ),
  };
}
