import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const SQRT_PI_OVER_TWO = Math.sqrt(Math.PI) / 2;

const erfinvOp = defineUnary({
  name: "erfinv",
  kernel: "erfinv",
  result: "float",
  // d/dy erfinv y = (√π/2) e^(x²), x = erfinv y from the saved output
  vjp: (g, { output: x }) => [g.mul(x.square().exp()).mul(SQRT_PI_OVER_TWO)],
});

/**
 * The inverse error function, elementwise: erf(erfinv(y)) = y on [−1, 1]; ±Infinity at ±1, NaN outside.
 *
 * @example
 * erfinv(tensor([0, 0.5])); // [0, 0.4769]
 */
export function erfinv(x: TensorLike): Tensor {
  return erfinvOp([asTensor(x, undefined, "erfinv")], {});
}
