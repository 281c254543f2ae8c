import { ArgumentError } from "../errors.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
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
  if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi) {
    throw new ArgumentError(`clamp: needs min ≤ max, got min=${min}, max=${max}`);
  }
  return clampOp([asTensor(x)], { min: lo, max: hi });
}
