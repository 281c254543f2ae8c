import { ArgumentError } from "../errors.js";
import { formatShape } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { max } from "./max.js";
import { type Axes, reduceAttrs } from "./reduction.js";

/**
 * The largest value over `axes` (all when omitted), as PyTorch's `torch.amax`: NaN if any reduced
 * value is NaN, and the gradient split evenly among tied maxima. The same reduction as `max`
 * (PyTorch's `max(x, dim)` returning indices is `maxDim` here).
 *
 * @example
 * amax(tensor([[1, 5], [7, 7]]), 1); // [5, 7]; the gradient of 7 goes half to each 7
 */
export function amax(x: TensorLike, axes?: Axes, keepDims = false): Tensor {
  const t = asTensor(x, undefined, "amax");
  return max(t, checkExtremeAxes("amax", t, axes, keepDims), keepDims);
}

/** amax/amin's axes, checked with the function named, refusing an empty axis as PyTorch does. */
export function checkExtremeAxes(
  fn: "amax" | "amin",
  t: Tensor,
  axes: Axes,
  keepDims: boolean,
): readonly number[] | undefined {
  const { axes: list } = reduceAttrs(fn, t, axes, keepDims);
  for (const a of list)
    if (t.shape[a] === 0)
      throw new ArgumentError(
        `${fn}: cannot reduce the empty axis ${a} of a tensor of shape ${formatShape(t.shape)}`,
      );
  return axes === undefined ? undefined : list;
}
