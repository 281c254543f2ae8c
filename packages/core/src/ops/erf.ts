import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

const erfOp = defineUnary({
  name: "erf",
  kernel: "erf",
  result: "float",
  // d/dx erf x = (2/√π) e^(−x²)
  vjp: (g, { inputs: [x] }) => [g.mul(x.square().neg().exp()).mul(TWO_OVER_SQRT_PI)],
});

/**
 * The error function (2/√π)∫₀ˣ e^(−t²) dt, elementwise, to within one ulp.
 *
 * @example
 * erf(tensor([0, 1])); // [0, 0.8427]
 */
export function erf(x: TensorLike): Tensor {
  return erfOp([asTensor(x, undefined, "erf")], {});
}
