import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary, int32DType } from "./elementwise.js";

// A comparison: int32 0/1, piecewise constant, so no gradient.
const gtOp = defineBinary({ name: "gt", kernel: "gt", dtype: int32DType });

/**
 * 1 where a > b, else 0 (int32, broadcast).
 *
 * @example
 * gt(tensor([1, 3]), 2); // [0, 1]
 */
export function gt(a: TensorLike, b: TensorLike): Tensor {
  return gtOp(asPair(a, b, "gt"));
}
