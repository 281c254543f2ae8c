import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const isinfOp = defineUnary({
  name: "isinf",
  kernel: "isInf",
  result: "int32",
  // a 0/1 test: piecewise constant, no gradient
});

/**
 * 1 where x is +Infinity or −Infinity, else 0 (int32, as Fluxion's comparisons).
 *
 * @example
 * isinf(tensor([1, Infinity, -Infinity, NaN])); // [0, 1, 1, 0]
 */
export function isinf(x: TensorLike): Tensor {
  return isinfOp([asTensor(x, undefined, "isinf")], {});
}
