import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const isnanOp = defineUnary({
  name: "isnan",
  kernel: "isNan",
  result: "int32",
  // a 0/1 test: piecewise constant, no gradient
});

/**
 * 1 where x is NaN, else 0 (int32, as Fluxion's comparisons).
 *
 * @example
 * isnan(tensor([1, NaN])); // [0, 1]
 */
export function isnan(x: TensorLike): Tensor {
  return isnanOp([asTensor(x, undefined, "isnan")], {});
}
