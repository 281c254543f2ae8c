import { ArgumentError, ShapeError } from "../errors.js";
import { checkArray, dimAt, formatShape, normalizeAxis } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineOp } from "./define-op.js";
import { sliceOp } from "./slice.js";

const concatOp = defineOp<Tensor[], { axis: number }>({
  name: "concat",
  shape: (xs, { axis }) => {
    const [first] = xs;
    if (first === undefined) throw new ArgumentError("concat: needs at least one tensor");
    let total = 0;
    xs.forEach((x, i) => {
      const ok =
        x.ndim === first.ndim && x.shape.every((d, k) => k === axis || d === first.shape[k]);
      if (!ok) {
        throw new ShapeError(
          `concat: tensor ${i} has shape ${formatShape(x.shape)}, which does not match ${formatShape(first.shape)} outside axis ${axis}`,
        );
      }
      total += dimAt(x.shape, axis);
    });
    return first.shape.map((d, k) => (k === axis ? total : d));
  },
  forward: (be, xs, { axis }, out) =>
    be.concat(
      xs.map((x) => x.data),
      xs.map((x) => x.shape),
      axis,
      out.shape,
      out.dtype,
    ),
  // each input receives the slice of the gradient that lies over it
  vjp: (g, { inputs, attrs: { axis } }) => {
    let offset = 0;
    return inputs.map((x) => {
      const starts = g.shape.map((_, k) => (k === axis ? offset : 0));
      offset += dimAt(x.shape, axis);
      return sliceOp([g], { starts, steps: g.shape.map(() => 1), shape: x.shape });
    });
  },
});

/**
 * Tensors joined along an existing axis (PyTorch's `torch.cat`).
 *
 * @example
 * concat([ones([2, 3]), zeros([1, 3])], 0).shape; // [3, 3]
 */
export function concat(tensors: readonly TensorLike[], axis = 0): Tensor {
  checkArray("concat", "tensors", tensors);
  const xs = tensors.map((t) => asTensor(t, undefined, "concat"));
  const [first] = xs;
  if (first === undefined) throw new ArgumentError("concat: needs at least one tensor");
  if (first.ndim === 0) throw new ShapeError("concat: cannot concatenate scalars; use stack");
  const a = normalizeAxis("concat", axis, first.ndim);
  if (xs.length === 1) return first;
  return concatOp(xs, { axis: a });
}

/**
 * Tensors of one shape joined along a new axis.
 *
 * @example
 * stack([zeros([3]), ones([3])], 0).shape; // [2, 3]
 */
export function stack(tensors: readonly TensorLike[], axis = 0): Tensor {
  checkArray("stack", "tensors", tensors);
  const xs = tensors.map((t) => asTensor(t, undefined, "stack"));
  const [first] = xs;
  if (first === undefined) throw new ArgumentError("stack: needs at least one tensor");
  xs.forEach((x, i) => {
    if (x.ndim !== first.ndim || x.shape.some((d, k) => d !== first.shape[k])) {
      throw new ShapeError(
        `stack: tensor ${i} has shape ${formatShape(x.shape)} but tensor 0 has shape ${formatShape(first.shape)}`,
      );
    }
  });
  const a = normalizeAxis("stack", axis, first.ndim + 1);
  return concatOp(
    xs.map((x) => x.unsqueeze(a)),
    { axis: a },
  );
}
