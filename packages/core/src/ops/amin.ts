import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { checkExtremeAxes } from "./amax.js";
import { asTensor } from "./convert.js";
import { min } from "./min.js";
import type { Axes } from "./reduction.js";

/**
 * The smallest value over `axes` (all when omitted), as PyTorch's `torch.amin`: NaN if any reduced
 * value is NaN, and the gradient split evenly among tied minima. The same reduction as `min`
 * (PyTorch's `min(x, dim)` returning indices is `minDim` here).
 *
 * @example
 * amin(tensor([[1, 5], [2, 2]]), 1); // [1, 2]; the gradient of 2 goes half to each 2
 */
export function amin(x: TensorLike, axes?: Axes, keepDims = false): Tensor {
  const t = asTensor(x, undefined, "amin");
  return min(t, checkExtremeAxes("amin", t, axes, keepDims), keepDims);
}
