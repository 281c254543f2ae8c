import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const isfiniteOp = defineUnary({
  name: "isfinite",
  kernel: "isFinite",
  result: "int32",
  // a 0/1 test: piecewise constant, no gradient
});

/**
 * 1 where x is neither NaN nor ±Infinity, else 0 (int32, as Fluxion's comparisons).
 *
 * @example
 * isfinite(tensor([1, Infinity, NaN])); // [1, 0, 0]
 */
export function isfinite(x: TensorLike): Tensor {
  return isfiniteOp([asTensor(x, undefined, "isfinite")], {});
}
