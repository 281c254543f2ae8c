import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineArgExtremum } from "./reduction.js";

// Not differentiable: the output is an index.
const argmaxOf = defineArgExtremum("argmax");

/**
 * Index (int32) of the largest value along `axis`; over the flattened tensor when `axis` is
 * omitted. Ties give the first index. Records no gradient.
 *
 * @example
 * argmax(tensor([[1, 5, 5], [7, 2, 0]]), 1); // [1, 0]
 */
export function argmax(x: TensorLike, axis?: number, keepDims = false): Tensor {
  return argmaxOf(asTensor(x, undefined, "argmax"), axis, keepDims);
}
