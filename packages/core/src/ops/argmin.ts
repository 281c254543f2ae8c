import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineArgExtremum } from "./reduction.js";

// Not differentiable: the output is an index.
const argminOf = defineArgExtremum("argmin");

/**
 * Index (int32) of the smallest value along `axis`; over the flattened tensor when `axis` is
 * omitted. Ties give the first index. Records no gradient.
 *
 * @example
 * argmin(tensor([[1, 5, 5], [7, 2, 0]]), 1); // [0, 2]
 */
export function argmin(x: TensorLike, axis?: number, keepDims = false): Tensor {
  return argminOf(asTensor(x, undefined, "argmin"), axis, keepDims);
}
