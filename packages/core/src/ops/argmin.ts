import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineReduction, reduceAttrs } from "./reduction.js";

// Not differentiable: the output is an index. No vjp, so asking for a gradient is a clear error.
const argminOp = defineReduction({
  name: "argmin",
  kernel: "argmin",
  needsElements: true,
  dtype: () => "int32",
});

/**
 * Index (int32) of the smallest value along `axis`; over the flattened tensor when `axis` is
 * omitted. Ties give the first index. Records no gradient.
 *
 * @example
 * argmin(tensor([[1, 5, 5], [7, 2, 0]]), 1); // [0, 2]
 */
export function argmin(x: TensorLike, axis?: number, keepDims = false): Tensor {
  const t = asTensor(x);
  if (axis === undefined) {
    const flat = t.reshape([t.size]);
    const i = argminOp([flat], reduceAttrs("argmin", flat, 0, false));
    return keepDims ? i.reshape(t.shape.map(() => 1)) : i;
  }
  return argminOp([t], reduceAttrs("argmin", t, axis, keepDims));
}
