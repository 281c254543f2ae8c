import type { TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { extremumAlong, type ValuesIndices } from "./values-indices.js";

/**
 * The smallest value along `axis` and its index, as PyTorch's `torch.min(x, dim, keepdim)`: the
 * values carry a gradient to the returned index only (the first one on ties; NaN counts as the
 * smallest). `x.min(axis)` stays the plain reduction returning a tensor.
 *
 * @example
 * const { values, indices } = minDim(tensor([[1, 5], [7, 2]]), 1); // [1, 2], [0, 1] (int32)
 */
export function minDim(x: TensorLike, axis: number, keepDims = false): ValuesIndices {
  return extremumAlong("minDim", asTensor(x, undefined, "minDim"), axis, keepDims);
}
