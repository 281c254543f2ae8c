import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary, int32DType } from "./elementwise.js";

// A comparison: int32 0/1, piecewise constant, so no gradient.
const eqOp = defineBinary({ name: "eq", kernel: "eq", dtype: int32DType });

/**
 * 1 where a = b, else 0 (int32, broadcast).
 *
 * @example
 * eq(tensor([1, 2]), 2); // [0, 1]
 */
export function eq(a: TensorLike, b: TensorLike): Tensor {
  return eqOp(asPair(a, b, "eq"));
}
