import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary } from "./elementwise.js";

const minimumOp = defineBinary({
  name: "minimum",
  kernel: "minimum",
  // ∂min(a, b)/∂a = 1 where a < b, ½ where a = b (the gradient is shared at ties, as in PyTorch)
  vjp: (g, { inputs: [a, b] }) => {
    const x = a as Tensor;
    const y = b as Tensor;
    const share = x.lt(y).to(g.dtype).add(x.eq(y).to(g.dtype).mul(0.5));
    const ga = g.mul(share);
    return [ga, g.sub(ga)];
  },
});

/**
 * Elementwise minimum of a and b with broadcasting; NaN in either gives NaN.
 *
 * @example
 * minimum(tensor([1, 5]), tensor([3, 2])); // [1, 2]
 */
export function minimum(a: TensorLike, b: TensorLike): Tensor {
  return minimumOp(asPair(a, b), {});
}
