import { ArgumentError } from "../errors.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { countOver, mean } from "./mean.js";
import type { Axes } from "./reduction.js";
import { sum } from "./sum.js";

/** Options of `variance` and `std` (PyTorch's `correction` and `keepdim`). */
export interface VarOptions {
  /** Subtracted from the count in the denominator: 1 (default) is Bessel's correction, 0 the population variance. */
  correction?: number;
  /** Keep the reduced axes with size 1 (default false), PyTorch's `keepdim`. */
  keepDims?: boolean;
}

/**
 * Variance over `axes` (all when omitted): Σ(x − mean)² / (N − correction), PyTorch's `torch.var`
 * (exported as `variance` because `var` is a JS keyword; `x.var()` on tensors).
 *
 * @example
 * variance(tensor([1, 2, 3, 4])); // 1.6667
 */
export function variance(x: TensorLike, axes?: Axes, options: VarOptions = {}): Tensor {
  const t = asTensor(x);
  const correction = options.correction ?? 1;
  if (!Number.isFinite(correction) || correction < 0) {
    throw new ArgumentError(`var: correction must be a non-negative number, got ${correction}`);
  }
  const d = t.sub(mean(t, axes, true));
  return sum(d.mul(d), axes, options.keepDims ?? false).div(
    Math.max(0, countOver("var", t, axes) - correction),
  );
}

/**
 * Standard deviation over `axes`: the square root of `variance` with the same options.
 *
 * @example
 * std(tensor([1, 2, 3, 4]), undefined, { correction: 0 }); // 1.1180
 */
export function std(x: TensorLike, axes?: Axes, options: VarOptions = {}): Tensor {
  return variance(x, axes, options).sqrt();
}
