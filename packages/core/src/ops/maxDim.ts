import type { TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { extremumAlong, type ValuesIndices } from "./values-indices.js";

/**
 * The largest value along `axis` and its index, as PyTorch's `torch.max(x, dim, keepdim)`: the
 * values carry a gradient to the returned index only (the first one on ties; NaN counts as the
 * largest). `x.max(axis)` stays the plain reduction returning a tensor.
 *
 * @example
 * const { values, indices } = maxDim(tensor([[1, 5], [7, 2]]), 1); // [5, 7], [1, 0] (int32)
 */
export function maxDim(x: TensorLike, axis: number, keepDims = false): ValuesIndices {
  return extremumAlong("maxDim", asTensor(x, undefined, "maxDim"), axis, keepDims);
}
