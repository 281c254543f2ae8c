import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineUnary } from "./elementwise.js";

const expm1Op = defineUnary({
  name: "expm1",
  kernel: "expm1",
  result: "float",
  // d/dx (eˣ − 1) = eˣ = y + 1
  vjp: (g, { output: y }) => [g.mul(y.add(1))],
});

/**
 * eˣ − 1, elementwise, accurate for small x.
 *
 * @example
 * expm1(tensor([1e-10])); // accurate where exp(x) − 1 loses digits
 */
export function expm1(x: TensorLike): Tensor {
  return expm1Op([asTensor(x, undefined, "expm1")], {});
}
