import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineBinary } from "./elementwise.js";

const maximumOp = defineBinary({
  name: "maximum",
  kernel: "maximum",
  // ∂max(a, b)/∂a = 1 where a > b, ½ where a = b (the gradient is shared at ties, as in PyTorch)
  vjp: (g, { inputs: [a, b] }) => {
    const x = a as Tensor;
    const y = b as Tensor;
    const share = x.gt(y).to(g.dtype).add(x.eq(y).to(g.dtype).mul(0.5));
    const ga = g.mul(share);
    return [ga, g.sub(ga)];
  },
});

/**
 * Elementwise maximum of a and b with broadcasting; NaN in either gives NaN.
 *
 * @example
 * maximum(tensor([1, 5]), tensor([3, 2])); // [3, 5]
 */
export function maximum(a: TensorLike, b: TensorLike): Tensor {
  return maximumOp(asPair(a, b), {});
}
