import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary, int32DType } from "./elementwise.js";

// A comparison: int32 0/1, piecewise constant, so no gradient.
const leOp = defineBinary({ name: "le", kernel: "le", dtype: int32DType });

/**
 * 1 where a ≤ b, else 0 (int32, broadcast).
 *
 * @example
 * le(tensor([1, 3]), 2); // [1, 0]
 */
export function le(a: TensorLike, b: TensorLike): Tensor {
  return leOp(asPair(a, b, "le"));
}
