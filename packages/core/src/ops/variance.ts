import { ArgumentError } from "../errors.js";
import { describeValue } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { countOver, mean } from "./mean.js";
import { type Axes, checkKeepDims } from "./reduction.js";
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
  return varianceAs("var", x, axes, options);
}

/** `variance`, with `op` naming the function the user called in error messages. */
function varianceAs(op: string, x: TensorLike, axes: Axes, options: VarOptions): Tensor {
  const t = asTensor(x, undefined, op);
  if (typeof options !== "object" || options === null) {
    throw new ArgumentError(`${op}: options must be an object, got ${describeValue(options)}`);
  }
  const correction = options.correction ?? 1;
  if (typeof correction !== "number" || !Number.isFinite(correction) || correction < 0) {
    throw new ArgumentError(
      `${op}: correction must be a non-negative number, got ${describeValue(correction)}`,
    );
  }
  const keepDims = checkKeepDims(op, options.keepDims ?? false);
  const n = countOver(op, t, axes);
  const d = t.sub(mean(t, axes, true));
  return sum(d.mul(d), axes, keepDims).div(Math.max(0, n - correction));
}

/**
 * Standard deviation over `axes`: the square root of `variance` with the same options.
 *
 * @example
 * std(tensor([1, 2, 3, 4]), undefined, { correction: 0 }); // 1.1180
 */
export function std(x: TensorLike, axes?: Axes, options: VarOptions = {}): Tensor {
  return varianceAs("std", x, axes, options).sqrt();
}
