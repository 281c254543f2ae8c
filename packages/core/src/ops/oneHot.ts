import type { DType } from "../dtype.js";
import { ArgumentError, DTypeError } from "../errors.js";
import { describeValue } from "../shape.js";
import { arange } from "../tensor/create.js";
import { Tensor } from "../tensor/tensor.js";
import { eq } from "./eq.js";

/**
 * One-hot encoding of int32 class labels: a new last axis of size `numClasses` (default: largest
 * label + 1) with 1 at each label. int32 unless `dtype` says otherwise.
 *
 * @example
 * oneHot(tensor([0, 2], { dtype: "int32" }), 3); // [[1, 0, 0], [0, 0, 1]]
 */
export function oneHot(labels: Tensor, numClasses = -1, options: { dtype?: DType } = {}): Tensor {
  if (!(labels instanceof Tensor))
    throw new ArgumentError(`oneHot: labels must be an int32 Tensor, got ${describeValue(labels)}`);
  if (labels.dtype !== "int32") {
    throw new DTypeError(
      `oneHot: labels must be int32 class indices, got ${labels.dtype} (convert with .int() if they are whole numbers)`,
    );
  }
  let maxLabel = -1;
  for (const [i, v] of labels._data.entries()) {
    if (v < 0) throw new ArgumentError(`oneHot: label ${v} at flat position ${i} is negative`);
    if (v > maxLabel) maxLabel = v;
  }
  const n = numClasses === -1 ? maxLabel + 1 : numClasses;
  if (!Number.isInteger(n) || n < 0)
    throw new ArgumentError(
      `oneHot: numClasses must be a non-negative integer or -1, got ${numClasses}`,
    );
  if (maxLabel >= n)
    throw new ArgumentError(`oneHot: label ${maxLabel} is out of range for numClasses ${n}`);
  const hot = eq(labels.unsqueeze(-1), arange(n, undefined, 1, { dtype: "int32" }));
  return options.dtype && options.dtype !== "int32" ? hot.to(options.dtype) : hot;
}
