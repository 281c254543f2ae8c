import {
  ArgumentError,
  broadcastShapes,
  DTypeError,
  formatShape,
  isFloat,
  ShapeError,
  Tensor,
} from "@fluxion/core";
import { sameShape } from "../util/format.js";

/** Throws unless `value` is a Tensor. */
export function checkTensor(op: string, arg: string, value: unknown): Tensor {
  if (!(value instanceof Tensor))
    throw new ArgumentError(
      `${op}: ${arg} must be a Tensor, got ${value === null ? "null" : typeof value}`,
    );
  return value;
}

/** Throws unless `t` is floating point. */
export function checkFloat(op: string, arg: string, t: Tensor): void {
  if (!isFloat(t.dtype))
    throw new DTypeError(`${op}: ${arg} must be float32 or float64, got ${t.dtype}`);
}

/** Throws unless `t` has the float dtype of `input` (float32 and float64 are never mixed). */
export function checkSameFloat(op: string, arg: string, t: Tensor, input: Tensor): void {
  if (t.dtype !== input.dtype)
    throw new DTypeError(
      `${op}: ${arg} is ${t.dtype} but input is ${input.dtype}; convert one of them, e.g. ${arg}.to("${input.dtype}")`,
    );
}

/** Throws unless `t` has exactly the shape of `input`. */
export function checkSameShape(op: string, arg: string, t: Tensor, input: Tensor): void {
  if (!sameShape(t.shape, input.shape))
    throw new ShapeError(
      `${op}: ${arg} has shape ${formatShape(t.shape)} but input has shape ${formatShape(input.shape)}; they must match`,
    );
}

/** Throws unless `t` broadcasts to `input`'s shape without enlarging it. */
export function checkBroadcastsTo(op: string, arg: string, t: Tensor, input: Tensor): void {
  let out: number[] | undefined;
  try {
    out = broadcastShapes(op, t.shape, input.shape);
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
  }
  if (out === undefined || !sameShape(out, input.shape))
    throw new ShapeError(
      `${op}: ${arg} of shape ${formatShape(t.shape)} does not broadcast to input's shape ${formatShape(input.shape)}`,
    );
}

/**
 * An optional per-element weight (weight, posWeight): a tensor of the input's float dtype that
 * broadcasts to the input's shape, returned checked.
 */
export function checkElementWeight(op: string, arg: string, value: unknown, input: Tensor): Tensor {
  const w = checkTensor(op, arg, value);
  checkSameFloat(op, arg, w, input);
  checkBroadcastsTo(op, arg, w, input);
  return w;
}

/** Throws unless every value of `t` lies in [0, 1] (NaN fails too). */
export function checkProbabilities(op: string, arg: string, t: Tensor): void {
  const data = t.data();
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!(v >= 0 && v <= 1))
      throw new ArgumentError(
        `${op}: ${arg} must hold probabilities in [0, 1], found ${v} at flat index ${i} (shape ${formatShape(t.shape)})`,
      );
  }
}
