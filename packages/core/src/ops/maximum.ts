import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineElementwiseExtremum } from "./elementwise.js";

// ∂max(a, b)/∂a = 1 where a > b, ½ at ties, else 0 (and the rest to b)
const maximumOp = defineElementwiseExtremum("maximum");

/**
 * Elementwise maximum of a and b with broadcasting; NaN in either gives NaN.
 *
 * @example
 * maximum(tensor([1, 5]), tensor([3, 2])); // [3, 5]
 */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return maximumOp(asPair(a, b, "maximum"), {});
}
