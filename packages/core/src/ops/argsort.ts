import { ArgumentError } from "../errors.js";
import { describeValue } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { defineOp } from "./define-op.js";
import { checkAxis } from "./values-indices.js";

interface SortAttrs {
  readonly axis: number;
  readonly descending: boolean;
}

// Not differentiable: the output is a permutation (sort's values carry the gradient).
const argsortOp = defineOp<[Tensor], SortAttrs>({
  name: "argsort",
  shape: ([x]) => x.shape,
  dtype: () => "int32",
  forward: (be, [x], { axis, descending }) => be.argsort(x.data, x.shape, axis, descending),
  noGradient:
    "it returns integer indices and carries no gradient; sort(x).values is differentiable",
});

/** Throws unless `flag` is a boolean, naming the function and the argument. */
export function checkFlag(fn: string, name: string, flag: unknown): boolean {
  if (typeof flag !== "boolean")
    throw new ArgumentError(`${fn}: ${name} must be true or false, got ${describeValue(flag)}`);
  return flag;
}

/** argsort with its arguments checked, `fn` (the function called) named in errors. */
export function argsortChecked(fn: string, x: Tensor, axis: unknown, descending: unknown): Tensor {
  const a = checkAxis(fn, axis, x.ndim);
  return argsortOp([x], { axis: a, descending: checkFlag(fn, "descending", descending) });
}

/**
 * The int32 indices that sort x along `axis` (the last by default), ascending unless `descending`,
 * as PyTorch's `torch.argsort(x, dim, descending, stable=True)`: always stable (equal values keep
 * their order), NaN sorting as the largest value. Records no gradient.
 *
 * @example
 * argsort(tensor([3, 1, 2])); // [1, 2, 0] (int32)
 */
export function argsort(x: TensorLike, axis = -1, descending = false): Tensor {
  return argsortChecked("argsort", asTensor(x, undefined, "argsort"), axis, descending);
}
