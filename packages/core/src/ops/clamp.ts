import { getDefaultDType } from "../dtype.js";
import { ArgumentError } from "../errors.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { cast } from "./cast.js";
import { asTensor, isInt32Value } from "./convert.js";
import { defineOp } from "./define-op.js";

interface ClampAttrs {
  min: number;
  max: number;
}

const clampOp = defineOp<[Tensor], ClampAttrs>({
  name: "clamp",
  shape: ([x]) => x.shape,
  forward: (be, [x], { min, max }, out) => be.clamp(x.data, min, max, out.dtype),
  // d/dx clamp(x, lo, hi) = 1 where lo ≤ x ≤ hi, else 0 (PyTorch's convention at the bounds)
  vjp: (g, { inputs: [x], attrs: { min, max } }) => [g.mul(x.ge(min).mul(x.le(max)).to(g.dtype))],
});

/**
 * x limited to [min, max]; either bound may be left out.
 *
 * @example
 * clamp(tensor([-2, 0.5, 3]), 0, 1); // [0, 0.5, 1]
 */
export function clamp(x: TensorLike, min?: number, max?: number): Tensor {
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  if (typeof lo !== "number" || typeof hi !== "number") {
    throw new ArgumentError(
      `clamp: min and max must be numbers (or undefined), got min=${String(min)} (${typeof min}), max=${String(max)} (${typeof max})`,
    );
  }
  if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi) {
    throw new ArgumentError(`clamp: needs min ≤ max, got min=${min}, max=${max}`);
  }
  let t = asTensor(x, undefined, "clamp");
  // PyTorch's type promotion: an int32 tensor clamped to non-integer bounds gives a float result.
  const intBound = (v: number) => !Number.isFinite(v) || isInt32Value(v);
  if (t.dtype === "int32" && !(intBound(lo) && intBound(hi))) t = cast(t, getDefaultDType());
  return clampOp([t], { min: lo, max: hi });
}
