import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary, int32DType } from "./elementwise.js";

// Comparisons return int32 0/1 and have no gradient.
const eqOp = defineBinary({ name: "eq", kernel: "eq", dtype: int32DType });
const neOp = defineBinary({ name: "ne", kernel: "ne", dtype: int32DType });
const ltOp = defineBinary({ name: "lt", kernel: "lt", dtype: int32DType });
const leOp = defineBinary({ name: "le", kernel: "le", dtype: int32DType });
const gtOp = defineBinary({ name: "gt", kernel: "gt", dtype: int32DType });
const geOp = defineBinary({ name: "ge", kernel: "ge", dtype: int32DType });

/**
 * 1 where a = b, else 0 (int32, broadcast).
 *
 * @example
 * eq(tensor([1, 2]), 2); // [0, 1]
 */
export function eq(a: TensorLike, b: TensorLike): Tensor {
  return eqOp(asPair(a, b, "eq"), {});
}
/** 1 where a ≠ b, else 0 (int32, broadcast). @example ne(x, 0) */
export function ne(a: TensorLike, b: TensorLike): Tensor {
  return neOp(asPair(a, b, "ne"), {});
}
/** 1 where a < b, else 0 (int32, broadcast). @example lt(x, 0) */
export function lt(a: TensorLike, b: TensorLike): Tensor {
  return ltOp(asPair(a, b, "lt"), {});
}
/** 1 where a ≤ b, else 0 (int32, broadcast). @example le(x, 0) */
export function le(a: TensorLike, b: TensorLike): Tensor {
  return leOp(asPair(a, b, "le"), {});
}
/** 1 where a > b, else 0 (int32, broadcast). @example gt(x, 0) */
export function gt(a: TensorLike, b: TensorLike): Tensor {
  return gtOp(asPair(a, b, "gt"), {});
}
/** 1 where a ≥ b, else 0 (int32, broadcast). @example ge(x, 0) */
export function ge(a: TensorLike, b: TensorLike): Tensor {
  return geOp(asPair(a, b, "ge"), {});
}
