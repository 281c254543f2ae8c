import { isFloat } from "../dtype.js";
import { ArgumentError, ShapeError } from "../errors.js";
import { formatShape, shapesEqual } from "../shape.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";

/** A function of tensors returning one tensor: what the transforms take. */
export type TensorFn = (...args: Tensor[]) => Tensor;

/** `value` as a tensor: JS numbers become float64 scalars, as in `grad`. */
export function toTensor(op: string, arg: string, value: TensorLike): Tensor {
  if (value instanceof Tensor) return value;
  if (typeof value === "number") return Tensor._fromData(Float64Array.of(value), [], "float64");
  throw new ArgumentError(`${op}: ${arg} must be a Tensor or a number, got ${typeof value}`);
}

/** Checks `argnums` against the number of arguments and returns it as a list. */
export function argnumList(
  op: string,
  argnums: number | readonly number[],
  count: number,
): number[] {
  const list = typeof argnums === "number" ? [argnums] : [...argnums];
  if (list.length === 0) throw new ArgumentError(`${op}: argnums must name at least one argument`);
  for (const i of list)
    if (!Number.isInteger(i) || i < 0 || i >= count)
      throw new ArgumentError(
        `${op}: argnums names argument ${i} but the function was called with ${count}`,
      );
  if (new Set(list).size !== list.length)
    throw new ArgumentError(`${op}: argnums has repeated entries ${JSON.stringify(list)}`);
  return list;
}

/** Throws unless `t` is a float tensor (only those can be differentiated). */
export function checkDifferentiable(op: string, arg: string, t: Tensor): void {
  if (!isFloat(t.dtype))
    throw new ArgumentError(
      `${op}: ${arg} is ${t.dtype}; only float tensors can be differentiated`,
    );
}

/** Throws unless the tangent (or cotangent) `v` has the shape and dtype of `x`. */
export function checkLike(op: string, arg: string, v: Tensor, x: Tensor, of: string): void {
  if (!shapesEqual(v.shape, x.shape))
    throw new ShapeError(
      `${op}: ${arg} has shape ${formatShape(v.shape)} but ${of} has shape ${formatShape(x.shape)}; they must match`,
    );
}

/** Checks that `f` returned a tensor. */
export function checkOutput(op: string, out: unknown): Tensor {
  if (!(out instanceof Tensor))
    throw new ArgumentError(`${op}: the function must return a Tensor, got ${typeof out}`);
  return out;
}
