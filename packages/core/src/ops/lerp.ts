import { broadcastShapes } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair, asTensor } from "./convert.js";

/**
 * Linear interpolation start + weight·(end − start), elementwise with broadcasting of all three
 * (weight a number or a tensor), as PyTorch's `torch.lerp`.
 *
 * @example
 * lerp(tensor([0, 10]), tensor([10, 20]), 0.25); // [2.5, 12.5]
 */
export function lerp(start: TensorLike, end: TensorLike, weight: TensorLike): Tensor {
  const [s, e] = asPair(start, end, "lerp");
  const w = asTensor(weight, s.dtype, "lerp");
  broadcastShapes("lerp", s.shape, e.shape, w.shape); // a shape error names lerp, not add or mul
  return s.add(w.mul(e.sub(s)));
}
