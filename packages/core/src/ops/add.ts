import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary } from "./elementwise.js";

const addOp = defineBinary({
  name: "add",
  kernel: "add",
  // ∂(a + b)/∂a = 1, ∂(a + b)/∂b = 1
  vjp: (g) => [g, g],
});

/**
 * a + b, elementwise with broadcasting.
 *
 * @example
 * add(tensor([[1], [2]]), tensor([10, 20])); // [[11, 21], [12, 22]]
 */
export function add(a: TensorLike, b: TensorLike): Tensor {
  return addOp(asPair(a, b, "add"), {});
}
