import type { DType, TypedArray } from "../dtype.js";
import { allocate, getDefaultDType } from "../dtype.js";
import { tensor } from "../tensor/create.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";

/**
 * `value` as a tensor. A JS number becomes a scalar of `like` (float32 when `like` is int32 and the
 * number is not an integer), so `x.mul(2)` keeps x's dtype.
 *
 * @example
 * asTensor(2, "float64"); // a float64 scalar
 * asTensor([1, 2, 3]); // a float32 tensor
 */
export function asTensor(value: TensorLike, like?: DType): Tensor {
  if (value instanceof Tensor) return value;
  if (typeof value === "number") {
    const dtype =
      like === undefined
        ? getDefaultDType()
        : like === "int32" && !Number.isInteger(value)
          ? "float32"
          : like;
    const data: TypedArray = allocate(dtype, 1);
    data[0] = value;
    return Tensor._fromData(data, [], dtype);
  }
  return tensor(value, like === undefined || ArrayBuffer.isView(value) ? {} : { dtype: like });
}

/** Both operands of a binary op as tensors; a number takes the other side's dtype. */
export function asPair(a: TensorLike, b: TensorLike): [Tensor, Tensor] {
  if (a instanceof Tensor) return [a, asTensor(b, a.dtype)];
  if (b instanceof Tensor) return [asTensor(a, b.dtype), b];
  const ta = asTensor(a);
  return [ta, asTensor(b, ta.dtype)];
}
