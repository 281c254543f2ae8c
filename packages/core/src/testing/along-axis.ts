/**
 * A spec builder for the ops that work along one axis (maxDim, cumsum, sort…): any small shape
 * (scalars included), an axis written positive or negative, and distinct values.
 */
import fc from "fast-check";
import type { Tensor } from "../tensor/tensor.js";
import { arbShape, arbTensor } from "./index.js";
import { small } from "./op-spec-builders.js";
import type { OpCase, OpTestSpec } from "./spec.js";

export interface AlongAxisOptions {
  /** Smallest value drawn (default −3). */
  readonly min?: number;
  /** Largest value drawn (default 3). */
  readonly max?: number;
  /** Least distance between values (default 0.01: no ties). */
  readonly distinct?: number;
  /** Values kept at least `margin` away from these points (kinks, poles). */
  readonly avoid?: readonly number[];
  /** Distance kept from each `avoid` point (default 0.05). */
  readonly margin?: number;
  /** Whether a scalar may be drawn (default true). */
  readonly scalars?: boolean;
  /** Whether a boolean flag (keepDims, descending) is drawn; the call receives false otherwise. */
  readonly keepDims?: boolean;
}

/**
 * Cases of `call(x, axis, keepDims)`; `shape(xShape, axis, keepDims)` (axis non-negative) gives the
 * expected output shape, worked out by the spec.
 */
export function alongAxis(
  op: string,
  call: (x: Tensor, axis: number, keepDims: boolean) => Tensor,
  shape: (xShape: readonly number[], axis: number, keepDims: boolean) => readonly number[],
  o: AlongAxisOptions = {},
  extra: Partial<OpTestSpec> = {},
): OpTestSpec {
  return {
    op,
    ...extra,
    cases: arbShape({ ...small, minRank: o.scalars === false ? 1 : 0 }).chain((xs) =>
      fc
        .tuple(
          arbTensor({
            shape: xs,
            min: o.min ?? -3,
            max: o.max ?? 3,
            distinct: o.distinct ?? 0.01,
            ...(o.avoid ? { avoid: o.avoid, margin: o.margin ?? 0.05 } : {}),
          }),
          fc.integer({ min: -Math.max(xs.length, 1), max: Math.max(xs.length, 1) - 1 }),
          o.keepDims ? fc.boolean() : fc.constant(false),
        )
        .map(([x, axis, keepDims]): OpCase => {
          const a = axis < 0 ? axis + Math.max(xs.length, 1) : axis;
          return {
            inputs: [x],
            call: (t) => call(t, axis, keepDims),
            shape: shape(xs, a, keepDims),
            label: `axis=${axis}${o.keepDims ? `, keepDims=${keepDims}` : ""}`,
          };
        }),
    ),
  };
}

/** x's shape with `axis` removed, or kept as 1 (a scalar stays a scalar). */
export function dropAxis(shape: readonly number[], axis: number, keepDims: boolean): number[] {
  return shape.flatMap((d, i) => (i === axis ? (keepDims ? [1] : []) : [d]));
}
