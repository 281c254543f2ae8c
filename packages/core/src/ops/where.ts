import { broadcastShapes } from "../shape.js";
import { zerosLike } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair, asTensor } from "./convert.js";
import { defineOp, promotedDType } from "./define-op.js";

const whereOp = defineOp<[Tensor, Tensor, Tensor]>({
  name: "where",
  shape: ([c, a, b]) => broadcastShapes("where", c.shape, a.shape, b.shape),
  dtype: ([, a, b], _attrs, name) => promotedDType([a, b], name),
  forward: (be, [c, a, b], _attrs, out) =>
    be.where(c.data, c.shape, a.data, a.shape, b.data, b.shape, out.shape, out.dtype),
  // ∂/∂a = 1 where the condition holds, ∂/∂b = 1 elsewhere; the condition gets no gradient
  vjp: (g, { inputs: [c], needsInputGrad: [, na, nb] }) => {
    const zero = zerosLike(g);
    return [null, na ? where(c, g, zero) : null, nb ? where(c, zero, g) : null];
  },
});

/**
 * Elementwise `condition ? a : b` (condition non-zero picks a), all three broadcast together.
 *
 * @example
 * const x = tensor([-1, 2]);
 * where(x.gt(0), x, 0); // [0, 2]
 */
export function where(condition: TensorLike, a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb] = asPair(a, b, "where");
  return whereOp([asTensor(condition, "int32", "where"), ta, tb], {});
}
