import { DTypeError, ShapeError } from "../errors.js";
import { broadcastShapes, describeValue, formatShape } from "../shape.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { where } from "./where.js";

/**
 * A copy of x with `value` wherever `mask` is set (PyTorch's `masked_fill`). The mask is an int32
 * tensor (comparisons such as `x.gt(0)` make one; any non-zero entry counts as set) or a nested
 * array of 0/1 numbers, broadcast together with x. `value` is a number or a 0-d tensor, converted
 * to x's dtype; as a tensor it receives the gradient of every filled position.
 * Composed from `where`, so its gradient comes for free: x's gradient is zero where filled.
 *
 * @example
 * const x = tensor([[1, -2], [-3, 4]]);
 * maskedFill(x, x.lt(0), 0); // [[1, 0], [0, 4]]
 */
export function maskedFill(x: TensorLike, mask: TensorLike, value: TensorLike): Tensor {
  const t = asTensor(x, undefined, "maskedFill");
  const m = asTensor(mask, "int32", "maskedFill");
  if (m.dtype !== "int32") {
    throw new DTypeError(
      `maskedFill: mask must be int32 (0/1, as comparisons return), got ${m.dtype} of shape ${formatShape(m.shape)}`,
    );
  }
  if (typeof value !== "number" && !(value instanceof Tensor)) {
    throw new DTypeError(
      `maskedFill: value must be a number or a 0-d Tensor, got ${describeValue(value)}`,
    );
  }
  const v = asTensor(value, t.dtype, "maskedFill");
  if (v.ndim !== 0) {
    throw new ShapeError(
      `maskedFill: value must be a number or a 0-d tensor, got a tensor of shape ${formatShape(v.shape)}`,
    );
  }
  try {
    broadcastShapes("maskedFill", m.shape, t.shape);
  } catch {
    throw new ShapeError(
      `maskedFill: mask of shape ${formatShape(m.shape)} does not broadcast with x of shape ${formatShape(t.shape)}`,
    );
  }
  return where(m, v.dtype === t.dtype ? v : v.to(t.dtype), t);
}
