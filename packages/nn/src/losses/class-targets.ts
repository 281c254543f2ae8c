import {
  ArgumentError,
  DTypeError,
  formatShape,
  ShapeError,
  type Tensor,
  where,
} from "@fluxion/core";
import { sameShape } from "../util/format.js";
import { checkFloat, checkSameFloat, checkTensor } from "./validate.js";

/** The class axis of a [C] or [N, C, d1, …] input: 0 for an unbatched input, else 1. */
export function classAxis(op: string, input: Tensor): number {
  if (input.ndim === 0)
    throw new ShapeError(
      `${op}: input must have a class axis (shape [C] or [N, C, …]), got a scalar`,
    );
  return input.ndim === 1 ? 0 : 1;
}

/** Checks an optional per-class weight: a 1-D tensor of C values of input's dtype. */
export function checkClassWeight(
  op: string,
  weight: Tensor | undefined,
  input: Tensor,
  numClasses: number,
): Tensor | undefined {
  if (weight === undefined) return undefined;
  checkTensor(op, "weight", weight);
  checkFloat(op, "weight", weight);
  checkSameFloat(op, "weight", weight, input);
  if (weight.ndim !== 1 || weight.shape[0] !== numClasses)
    throw new ShapeError(
      `${op}: weight must have shape [${numClasses}] (one value per class), got ${formatShape(weight.shape)}`,
    );
  return weight;
}

/** The per-class weight reshaped to broadcast along `axis` of an input of rank `ndim`. */
export function weightAlong(weight: Tensor, axis: number, ndim: number): Tensor {
  const shape = new Array<number>(ndim - axis).fill(1);
  shape[0] = weight.shape[0] as number;
  return weight.reshape(shape);
}

/** What class-index targets resolve to: the valid-target mask and each target's weight. */
export interface IndexTargets {
  /** 1 where the target is not `ignoreIndex`, else 0 (input's dtype, target's shape). */
  valid: Tensor;
  /** Targets with ignored ones replaced by 0, safe for `gather` (int32). */
  safe: Tensor;
  /** w[yₙ] for valid targets, 0 for ignored ones (input's dtype, target's shape). */
  weights: Tensor;
}

/**
 * Checks int32 class-index targets of shape input.shape without the class axis, each in
 * [0, C) or equal to `ignoreIndex`, and resolves them.
 */
export function indexTargets(
  op: string,
  input: Tensor,
  target: Tensor,
  axis: number,
  weight: Tensor | undefined,
  ignoreIndex: number,
): IndexTargets {
  if (target.dtype !== "int32")
    throw new DTypeError(
      `${op}: class-index targets must be int32, got ${target.dtype} (use .int() for whole numbers${op === "crossEntropy" ? ", or give probabilities of input's shape" : ""})`,
    );
  const expected = input.shape.filter((_, i) => i !== axis);
  if (!sameShape(target.shape, expected))
    throw new ShapeError(
      `${op}: target has shape ${formatShape(target.shape)} but input of shape ${formatShape(input.shape)} needs targets of shape ${formatShape(expected)}`,
    );
  if (!Number.isInteger(ignoreIndex))
    throw new ArgumentError(`${op}: ignoreIndex must be an integer, got ${ignoreIndex}`);
  const numClasses = input.shape[axis] as number;
  const labels = target.data();
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i] as number;
    if (v !== ignoreIndex && (v < 0 || v >= numClasses))
      throw new ArgumentError(
        `${op}: target label ${v} at flat index ${i} is out of range for ${numClasses} classes (valid: 0 … ${numClasses - 1}, or ignoreIndex ${ignoreIndex})`,
      );
  }
  const validInt = target.ne(ignoreIndex);
  const safe = where(validInt, target, 0);
  const valid = validInt.to(input.dtype);
  const weights = weight
    ? weight.gather(0, safe.flatten()).reshape(target.shape).mul(valid)
    : valid;
  return { valid, safe, weights };
}

/** logp[n, yₙ, …] for each target (target's shape). */
export function pickTargets(logp: Tensor, safe: Tensor, axis: number): Tensor {
  return logp.gather(axis, safe.unsqueeze(axis)).squeeze(axis);
}
