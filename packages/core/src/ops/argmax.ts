import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineReduction, reduceAttrs } from "./reduction.js";

// Not differentiable: the output is an index. No vjp, so asking for a gradient is a clear error.
const argmaxOp = defineReduction({
  name: "argmax",
  kernel: "argmax",
  needsElements: true,
  dtype: () => "int32",
});

/**
 * Index (int32) of the largest value along `axis`; over the flattened tensor when `axis` is
 * omitted. Ties give the first index. Records no gradient.
 *
 * @example
 * argmax(tensor([[1, 5, 5], [7, 2, 0]]), 1); // [1, 0]
 */
export function argmax(x: TensorLike, axis?: number, keepDims = false): Tensor {
  const t = asTensor(x);
  if (axis === undefined) {
    const flat = t.reshape([t.size]);
    const i = argmaxOp([flat], reduceAttrs("argmax", flat, 0, false));
    return keepDims ? i.reshape(t.shape.map(() => 1)) : i;
  }
  return argmaxOp([t], reduceAttrs("argmax", t, axis, keepDims));
}
