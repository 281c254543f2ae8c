import { ArgumentError, DTypeError, IndexError, ShapeError } from "../errors.js";
import { describeValue, dimAt, formatShape, normalizeAxis, shapesEqual } from "../shape.js";
import { zerosLike } from "../tensor/create.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineOp, type Op } from "./define-op.js";
import { slice } from "./slice.js";

/**
 * Checks an index tensor for gather/scatter/scatterAdd: an int32 Tensor of x's rank, no larger
 * than x off `axis`, every value a valid position along `axis` (else an IndexError naming it).
 */
export function checkIndex(op: string, x: Tensor, axis: number, index: unknown): Tensor {
  if (!(index instanceof Tensor))
    throw new ArgumentError(`${op}: index must be an int32 Tensor, got ${describeValue(index)}`);
  if (index.dtype !== "int32")
    throw new DTypeError(`${op}: index must be int32, got ${index.dtype}`);
  if (x.ndim === 0)
    throw new ShapeError(`${op}: input is 0-d (shape []); it needs an axis to index along`);
  if (index.ndim !== x.ndim) {
    throw new ShapeError(
      `${op}: index has shape ${formatShape(index.shape)} but input has shape ${formatShape(x.shape)}; they need the same rank`,
    );
  }
  index.shape.forEach((d, k) => {
    if (k !== axis && d > dimAt(x.shape, k)) {
      throw new ShapeError(
        `${op}: index shape ${formatShape(index.shape)} exceeds input shape ${formatShape(x.shape)} on axis ${k}`,
      );
    }
  });
  const n = dimAt(x.shape, axis);
  for (const [i, v] of index._data.entries()) {
    if (v < 0 || v >= n)
      throw new IndexError(
        `${op}: index value ${v} at flat position ${i} is out of range for axis ${axis} of size ${n} (valid: 0 to ${n - 1})`,
      );
  }
  return index;
}

/**
 * The part of src that index covers (PyTorch's scatter reads src[i][j] only where index has an
 * entry): src must be at least as large as index on every axis.
 */
export function coveredSource(op: string, src: Tensor, index: Tensor): Tensor {
  if (src.ndim !== index.ndim || index.shape.some((d, k) => d > dimAt(src.shape, k))) {
    throw new ShapeError(
      `${op}: src has shape ${formatShape(src.shape)} but index has shape ${formatShape(index.shape)}; src needs index's rank and at least its size on every axis`,
    );
  }
  if (shapesEqual(src.shape, index.shape)) return src;
  return slice(
    src,
    index.shape.map((d) => [0, d] as const),
  );
}

const gatherOp: Op<[Tensor, Tensor], { axis: number }> = defineOp<
  [Tensor, Tensor],
  { axis: number }
>({
  name: "gather",
  shape: ([, index]) => index.shape,
  dtype: ([x]) => x.dtype,
  forward: (be, [x, index], { axis }, out) =>
    be.gather(x.data, x.shape, axis, index.data, index.shape, out.dtype),
  // each gathered value came from one input position: gradients are added back there
  vjp: (g, { inputs: [x, index], attrs: { axis } }) => [
    scatterAddOp([zerosLike(x), index, g], { axis }),
    null,
  ],
});

/** The dtype rule of scatter and scatterAdd: src must have the input's dtype, which the output keeps. */
export function srcLikeBase(
  [base, , src]: readonly [Tensor, Tensor, Tensor],
  _attrs: unknown,
  name: string,
) {
  if (src.dtype !== base.dtype)
    throw new DTypeError(`${name}: src is ${src.dtype} but input is ${base.dtype}`);
  return base.dtype;
}

const scatterAddOp: Op<[Tensor, Tensor, Tensor], { axis: number }> = defineOp<
  [Tensor, Tensor, Tensor],
  { axis: number }
>({
  name: "scatterAdd",
  shape: ([base]) => base.shape,
  dtype: srcLikeBase,
  forward: (be, [base, index, src], { axis }, out) =>
    be.scatterAdd(base.data, base.shape, axis, index.data, src.data, index.shape, out.dtype),
  // base passes its gradient through; each src value was added at one position, so it reads it back
  vjp: (g, { inputs: [, index], attrs: { axis } }) => [g, null, gatherOp([g, index], { axis })],
});

/**
 * Values of x picked along `axis` by an int32 index of the same rank:
 * out[i][j] = x[index[i][j]][j] for axis 0 (PyTorch's `torch.gather`).
 *
 * @example
 * gather(tensor([[1, 2], [3, 4]]), 1, tensor([[1], [0]], { dtype: "int32" })); // [[2], [3]]
 */
export function gather(x: TensorLike, axis: number, index: Tensor): Tensor {
  const t = asTensor(x, undefined, "gather");
  const a = normalizeAxis("gather", axis, t.ndim);
  return gatherOp([t, checkIndex("gather", t, a, index)], { axis: a });
}

/**
 * A copy of `input` with each value of `src` added at the position `index` names along `axis`
 * (PyTorch's `torch.scatter_add`): for axis 0, out[index[i][j]][j] += src[i][j]. Repeated
 * positions add up. src may be larger than index (only the part index covers is read), and index
 * no larger than input off `axis`; an index value out of range is an IndexError. The gradient
 * passes to input unchanged and reaches src gathered at the same positions.
 *
 * @example
 * scatterAdd(zeros([3]), 0, tensor([0, 0, 2], { dtype: "int32" }), tensor([1, 2, 3])); // [3, 0, 3]
 */
export function scatterAdd(
  input: TensorLike,
  axis: number,
  index: Tensor,
  src: TensorLike,
): Tensor {
  const t = asTensor(input, undefined, "scatterAdd");
  const s = asTensor(src, t.dtype, "scatterAdd");
  const a = normalizeAxis("scatterAdd", axis, t.ndim);
  const i = checkIndex("scatterAdd", t, a, index);
  return scatterAddOp([t, i, coveredSource("scatterAdd", s, i)], { axis: a });
}
