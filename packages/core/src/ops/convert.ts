import type { DType, TypedArray } from "../dtype.js";
import { allocate, getDefaultDType, isDType } from "../dtype.js";
import { DTypeError, FluxionError } from "../errors.js";
import { tensor } from "../tensor/create.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";

/**
 * `value` as a tensor. A JS number becomes a scalar of `like`, so `x.mul(2)` keeps x's dtype; as in
 * PyTorch's type promotion, a number that is not a 32-bit integer (0.5, 1e10, NaN) next to an int32
 * tensor is a float scalar of the default dtype, so `int32Tensor.add(0.5)` is a float tensor.
 * With `op`, conversion errors name that function (the one the user called) instead of `tensor`.
 *
 * @example
 * asTensor(2, "float64"); // a float64 scalar
 * asTensor([1, 2, 3]); // a float32 tensor
 */
export function asTensor(value: TensorLike, like?: DType, op?: string): Tensor {
  if (value instanceof Tensor) return value;
  if (op !== undefined) {
    // Conversion errors name the function the user called, not `tensor`.
    try {
      return asTensor(value, like);
    } catch (e) {
      if (e instanceof FluxionError && e.message.startsWith("tensor: ")) {
        const Kind = e.constructor as new (message: string) => FluxionError;
        throw new Kind(
          `${op}: an argument is not a tensor, number or nested array of numbers: ${e.message.slice(8)}`,
        );
      }
      throw e;
    }
  }
  if (like !== undefined && !isDType(like))
    throw new DTypeError(
      `asTensor: unknown dtype ${String(like)} (expected float32, float64 or int32)`,
    );
  if (typeof value === "number") {
    const dtype =
      like === undefined
        ? getDefaultDType()
        : like === "int32" && !isInt32Value(value)
          ? getDefaultDType()
          : like;
    const data: TypedArray = allocate(dtype, 1);
    data[0] = value;
    return Tensor._fromData(data, [], dtype);
  }
  return tensor(value, like === undefined || ArrayBuffer.isView(value) ? {} : { dtype: like });
}

/** Whether `value` can be stored exactly in an int32 tensor. */
export function isInt32Value(value: number): boolean {
  return Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
}

/** Both operands of a binary op as tensors; a number takes the other side's dtype. */
export function asPair(a: TensorLike, b: TensorLike, op?: string): [Tensor, Tensor] {
  if (a instanceof Tensor) return [a, asTensor(b, a.dtype, op)];
  if (b instanceof Tensor) return [asTensor(a, b.dtype, op), b];
  const ta = asTensor(a, undefined, op);
  return [ta, asTensor(b, ta.dtype, op)];
}
