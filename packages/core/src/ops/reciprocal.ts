import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const reciprocalOp = defineUnary({
  name: "reciprocal",
  kernel: "reciprocal",
  result: "float",
  // d/dx 1/x = −1/x², from the saved output
  vjp: (g, { output: y }) => [g.mul(y.square()).neg()],
});

/**
 * 1/x, elementwise (int32 inputs give float32, as PyTorch).
 *
 * @example
 * reciprocal(tensor([2, 4])); // [0.5, 0.25]
 */
export function reciprocal(x: TensorLike): Tensor {
  return reciprocalOp([asTensor(x, undefined, "reciprocal")], {});
}
