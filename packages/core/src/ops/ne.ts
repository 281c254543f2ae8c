import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary, int32DType } from "./elementwise.js";

// A comparison: int32 0/1, piecewise constant, so no gradient.
const neOp = defineBinary({ name: "ne", kernel: "ne", dtype: int32DType });

/**
 * 1 where a ≠ b, else 0 (int32, broadcast).
 *
 * @example
 * ne(tensor([1, 2]), 2); // [1, 0]
 */
export function ne(a: TensorLike, b: TensorLike): Tensor {
  return neOp(asPair(a, b, "ne"));
}
