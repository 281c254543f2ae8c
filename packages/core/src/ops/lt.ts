import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary, int32DType } from "./elementwise.js";

// A comparison: int32 0/1, piecewise constant, so no gradient.
const ltOp = defineBinary({ name: "lt", kernel: "lt", dtype: int32DType });

/**
 * 1 where a < b, else 0 (int32, broadcast).
 *
 * @example
 * lt(tensor([1, 2]), 2); // [1, 0]
 */
export function lt(a: TensorLike, b: TensorLike): Tensor {
  return ltOp(asPair(a, b, "lt"));
}
