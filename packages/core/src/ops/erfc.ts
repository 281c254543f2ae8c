import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

const erfcOp = defineUnary({
  name: "erfc",
  kernel: "erfc",
  result: "float",
  // d/dx erfc x = −(2/√π) e^(−x²)
  vjp: (g, { inputs: [x] }) => [g.mul(x.square().neg().exp()).mul(-TWO_OVER_SQRT_PI)],
});

/**
 * The complementary error function 1 − erf(x), elementwise, accurate where erf(x) is near 1.
 *
 * @example
 * erfc(tensor([0, 10])); // [1, 2.0885e-45]
 */
export function erfc(x: TensorLike): Tensor {
  return erfcOp([asTensor(x, undefined, "erfc")], {});
}
