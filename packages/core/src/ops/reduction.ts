import type { ReduceKernel } from "../backend/backend.js";
import type { DType } from "../dtype.js";
import { ArgumentError } from "../errors.js";
import type { Shape } from "../shape.js";
import { describeValue, formatShape, normalizeAxes, reducedShape } from "../shape.js";
import type { Tensor } from "../tensor/tensor.js";
import { defineOp, type Op, type OpDef } from "./define-op.js";

/** Sorted non-negative axes to reduce, and whether they stay as size-1 axes. */
export interface ReduceAttrs {
  readonly axes: readonly number[];
  readonly keepDims: boolean;
}

/** Axes as users pass them: one, several, or all when undefined. */
export type Axes = number | readonly number[] | undefined;

/** The attributes of a reduction of `x` over `axes`, validated against its rank. */
export function reduceAttrs(op: string, x: Tensor, axes: Axes, keepDims: boolean): ReduceAttrs {
  const list = checkAxes(op, x, axes);
  // A scalar accepts axis 0 or −1 (as in PyTorch) and has nothing to reduce.
  return { axes: x.ndim === 0 ? [] : list, keepDims: checkKeepDims(op, keepDims) };
}

/** The axes of a reduction checked against x's rank, with `op` (the function called) in errors. */
export function checkAxes(op: string, x: Tensor, axes: Axes): number[] {
  if (axes !== undefined && typeof axes !== "number" && !Array.isArray(axes)) {
    throw new ArgumentError(
      `${op}: axes must be a number, an array of numbers or undefined, got ${describeValue(axes)}`,
    );
  }
  return normalizeAxes(op, axes, x.ndim);
}

/** Throws unless keepDims is a boolean (a string "false" would otherwise keep the axes). */
export function checkKeepDims(op: string, keepDims: unknown): boolean {
  if (typeof keepDims !== "boolean") {
    throw new ArgumentError(
      `${op}: keepDims must be true or false, got ${describeValue(keepDims)}`,
    );
  }
  return keepDims;
}

/** x's shape with the reduced axes kept as 1: the shape a reduction's gradient is expanded from. */
export function keptShape(x: Tensor, attrs: ReduceAttrs): Shape {
  return reducedShape(x.shape, attrs.axes, true);
}

interface ReductionSpec {
  name: string;
  kernel: ReduceKernel;
  /** Whether reducing an empty axis is an error (max, argmax) rather than the identity (sum). */
  needsElements: boolean;
  dtype?: (x: Tensor) => DType;
  vjp?: OpDef<[Tensor], ReduceAttrs>["vjp"];
  noGradient?: string;
}

/** A reduction op over any set of axes, running one backend reduce kernel. */
export function defineReduction(spec: ReductionSpec): Op<[Tensor], ReduceAttrs> {
  return defineOp<[Tensor], ReduceAttrs>({
    name: spec.name,
    shape: ([t], { axes, keepDims }) => {
      if (spec.needsElements && axes.some((a) => t.shape[a] === 0)) {
        throw new ArgumentError(
          `${spec.name}: cannot reduce an empty axis of a tensor of shape ${formatShape(t.shape)}`,
        );
      }
      return reducedShape(t.shape, axes, keepDims);
    },
    dtype: ([x]) => (spec.dtype ? spec.dtype(x) : x.dtype),
    forward: (be, [x], { axes }, out) => be.reduce(spec.kernel, x.data, x.shape, axes, out.dtype),
    ...(spec.vjp ? { vjp: spec.vjp } : {}),
    ...(spec.noGradient ? { noGradient: spec.noGradient } : {}),
  });
}

/**
 * The max or min reduction. Its rule: ∂ max(x)/∂xᵢ = 1/k for each of the k elements equal to the
 * result, else 0 (ties share the gradient evenly); likewise for min.
 */
export function defineExtremum(kind: "max" | "min"): Op<[Tensor], ReduceAttrs> {
  return defineReduction({
    name: kind,
    kernel: kind,
    needsElements: true,
    vjp: (g, { inputs: [x], output: y, attrs }) => {
      const kept = keptShape(x, attrs);
      const mask = x.eq(y.reshape(kept)).to(g.dtype);
      return [g.reshape(kept).mul(mask).div(mask.sum(attrs.axes, true))];
    },
  });
}

/**
 * argmax or argmin: an int32 index, not differentiable (no vjp, so asking for a gradient through it
 * is a clear error). Returns the function users call: along `axis`, or over the flattened tensor
 * when `axis` is omitted (PyTorch's convention).
 */
export function defineArgExtremum(
  kind: "argmax" | "argmin",
): (x: Tensor, axis?: number, keepDims?: boolean) => Tensor {
  const op = defineReduction({
    name: kind,
    kernel: kind,
    needsElements: true,
    dtype: () => "int32",
    noGradient: `it returns integer indices and carries no gradient; use softmax as a differentiable stand-in for ${kind}`,
  });
  return (x, axis, keepDims = false) => {
    checkKeepDims(kind, keepDims);
    if (axis !== undefined && typeof axis !== "number") {
      throw new ArgumentError(`${kind}: axis must be an integer, got ${describeValue(axis)}`);
    }
    if (axis !== undefined) return op([x], reduceAttrs(kind, x, axis, keepDims));
    const flat = x.reshape([x.size]);
    const i = op([flat], reduceAttrs(kind, flat, 0, false));
    return keepDims ? i.reshape(x.shape.map(() => 1)) : i;
  };
}
