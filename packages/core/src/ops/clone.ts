import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const cloneOp = defineUnary({
  name: "clone",
  kernel: "copy",
  result: "same",
  // d/dx x = 1: the gradient passes through unchanged
  vjp: (g) => [g],
});

/**
 * A copy of x with storage of its own, recorded in the graph like PyTorch's `clone` (so gradients
 * flow through it). Use it before changing values in place that other tensors may share.
 *
 * @example
 * const saved = w.grad?.clone(); // unaffected by later in-place updates of w.grad
 */
export function clone(x: TensorLike): Tensor {
  return cloneOp([asTensor(x, undefined, "clone")], {});
}
