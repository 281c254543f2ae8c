import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary, int32DType } from "./elementwise.js";

// A comparison: int32 0/1, piecewise constant, so no gradient.
const geOp = defineBinary({ name: "ge", kernel: "ge", dtype: int32DType });

/**
 * 1 where a ≥ b, else 0 (int32, broadcast).
 *
 * @example
 * ge(tensor([1, 2]), 2); // [0, 1]
 */
export function ge(a: TensorLike, b: TensorLike): Tensor {
  return geOp(asPair(a, b, "ge"));
}
