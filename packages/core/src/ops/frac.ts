import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";

/**
 * The fractional part x − trunc(x), elementwise, with the sign of x (as PyTorch's `torch.frac`).
 * Its gradient is 1.
 *
 * @example
 * frac(tensor([-1.25, 2.5])); // [-0.25, 0.5]
 */
export function frac(x: TensorLike): Tensor {
  const t = asTensor(x, undefined, "frac");
  return t.sub(t.trunc());
}
