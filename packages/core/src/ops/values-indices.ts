import { ArgumentError } from "../errors.js";
import { describeValue, formatShape, normalizeAxis } from "../shape.js";
import type { Tensor } from "../tensor/tensor.js";
import { argmax } from "./argmax.js";
import { argmin } from "./argmin.js";
import { gather } from "./gather.js";
import { checkKeepDims } from "./reduction.js";

/**
 * What `maxDim`, `minDim`, `sort` and `topk` return, as PyTorch's named tuples: the values
 * (differentiable: their gradient goes back to the positions `indices` names) and int32 indices
 * into the input along the axis.
 */
export interface ValuesIndices {
  /** The selected values, in x's dtype. */
  readonly values: Tensor;
  /** Where each value came from along the axis (int32, not differentiable). */
  readonly indices: Tensor;
}

/**
 * `axis` checked as one integer axis of a tensor of rank `rank`, with `fn` named in errors. A scalar
 * takes axis 0 or −1, as in PyTorch.
 */
export function checkAxis(fn: string, axis: unknown, rank: number): number {
  if (typeof axis !== "number")
    throw new ArgumentError(`${fn}: axis must be an integer, got ${describeValue(axis)}`);
  if (rank === 0 && (axis === 0 || axis === -1)) return 0;
  return normalizeAxis(fn, axis, rank);
}

/**
 * maxDim / minDim: the arg-extremum along `axis` and the values gathered there. Gathering makes the
 * gradient flow to the returned index only (a scatter into zeros), as PyTorch's `torch.max(x, dim)`.
 */
export function extremumAlong(
  fn: "maxDim" | "minDim",
  x: Tensor,
  axis: unknown,
  keepDims: unknown,
): ValuesIndices {
  const a = checkAxis(fn, axis, x.ndim);
  const keep = checkKeepDims(fn, keepDims);
  if (x.ndim === 0) {
    const r = extremumAlong(fn, x.reshape([1]), 0, false);
    return { values: r.values.reshape([]), indices: r.indices.reshape([]) };
  }
  if (x.shape[a] === 0)
    throw new ArgumentError(
      `${fn}: cannot reduce the empty axis ${a} of a tensor of shape ${formatShape(x.shape)}`,
    );
  const indices = (fn === "maxDim" ? argmax : argmin)(x, a, true);
  const values = gather(x, a, indices);
  return keep ? { values, indices } : { values: values.squeeze(a), indices: indices.squeeze(a) };
}
