import { ArgumentError, ShapeError } from "../errors.js";
import { checkIntegers, dimAt, formatShape } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineOp } from "./define-op.js";

const expandOp = defineOp<[Tensor], { shape: readonly number[] }>({
  name: "expand",
  shape: (_inputs, { shape }) => shape,
  forward: (be, [x], _attrs, out) => be.expand(x.data, x.shape, out.shape, out.dtype),
  // each input value is copied to many outputs: their gradients are summed back (by the op machinery)
  vjp: (g) => [g],
});

/**
 * x broadcast to `shape` (size-1 axes repeated, new leading axes added; −1 keeps a size).
 *
 * @example
 * expand(tensor([[1], [2]]), [2, 3]); // [[1, 1, 1], [2, 2, 2]]
 */
export function expand(x: TensorLike, shape: readonly number[]): Tensor {
  checkIntegers("expand", "shape", shape);
  const t = asTensor(x, undefined, "expand");
  const lead = shape.length - t.ndim;
  if (lead < 0) {
    throw new ShapeError(
      `expand: cannot expand ${formatShape(t.shape)} to fewer dimensions ${formatShape(shape)}`,
    );
  }
  const out = shape.map((d, i) => {
    const src = i < lead ? undefined : dimAt(t.shape, i - lead);
    if (d === -1) {
      if (src === undefined)
        throw new ArgumentError(
          `expand: -1 is not allowed for the new leading axis ${i} in ${formatShape(shape)}`,
        );
      return src;
    }
    if (!Number.isInteger(d) || d < 0)
      throw new ArgumentError(`expand: invalid size ${d} in ${formatShape(shape)}`);
    if (src !== undefined && src !== 1 && src !== d) {
      throw new ShapeError(
        `expand: cannot expand ${formatShape(t.shape)} to ${formatShape(shape)}: axis ${i} has size ${src}, which is not 1`,
      );
    }
    return d;
  });
  if (out.length === t.ndim && out.every((d, i) => d === t.shape[i])) return t;
  return expandOp([t], { shape: out });
}
