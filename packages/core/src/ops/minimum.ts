import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineElementwiseExtremum } from "./elementwise.js";

// ∂min(a, b)/∂a = 1 where a < b, ½ at ties, else 0 (and the rest to b)
const minimumOp = defineElementwiseExtremum("minimum");

/**
 * Elementwise minimum of a and b with broadcasting; NaN in either gives NaN.
 *
 * @example
 * minimum(tensor([1, 5]), tensor([3, 2])); // [1, 2]
 */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return minimumOp(asPair(a, b, "minimum"), {});
}
