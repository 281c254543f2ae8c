import {
  ArgumentError,
  FluxionError,
  noGrad,
  optionsObject,
  type Tensor,
  tensor,
} from "@fluxion/core";
import { gradsOf } from "./grads.js";

/** Options of `clipGradNorm_`. */
export interface ClipGradNormOptions {
  /** The p of the p-norm (default 2; Infinity for the largest absolute value). */
  normType?: number;
  /** Throw when the total norm is NaN or infinite instead of scaling by it (default false). */
  errorIfNonfinite?: boolean;
}

/** The p-norm of `values` (p > 0 or Infinity), accumulated in float64. */
function pNorm(values: Iterable<number>, p: number): number {
  let acc = 0;
  if (p === Infinity) {
    for (const v of values) {
      const a = Math.abs(v);
      // NOTE: a NaN propagates, as torch.linalg.vector_norm's max does
      if (a > acc || Number.isNaN(a)) acc = a;
    }
    return acc;
  }
  if (p === 2) {
    for (const v of values) acc += v * v;
    return Math.sqrt(acc);
  }
  for (const v of values) acc += Math.abs(v) ** p;
  return p === 1 ? acc : acc ** (1 / p);
}

/**
 * Rescales the gradients of `parameters` in place so that their total norm (the norm of all the
 * gradients taken together as one vector) is at most `maxNorm`, PyTorch's
 * `torch.nn.utils.clip_grad_norm_`: every gradient is multiplied by min(1, maxNorm / (total +
 * 1e-6)). Parameters without a gradient are skipped. Returns the total norm before clipping, as a
 * scalar tensor of the gradients' dtype (zero when there are no gradients).
 *
 * @example
 * loss.backward();
 * const norm = clipGradNorm_(net.parameters(), 1.0);
 * opt.step();
 */
export function clipGradNorm_(
  parameters: Tensor | Iterable<Tensor>,
  maxNorm: number,
  given: ClipGradNormOptions | null = {},
): Tensor {
  const op = "clipGradNorm_";
  const options = optionsObject(op, given);
  const normType = options.normType ?? 2;
  if (typeof maxNorm !== "number" || Number.isNaN(maxNorm))
    throw new ArgumentError(`${op}: maxNorm must be a number, got ${String(maxNorm)}`);
  if (typeof normType !== "number" || !(normType > 0))
    throw new ArgumentError(
      `${op}: normType must be a positive number or Infinity, got ${String(normType)}`,
    );
  const grads = gradsOf(op, parameters);
  const first = grads[0];
  if (first === undefined) return tensor(0);
  const dtype = first.dtype;
  // NOTE: as PyTorch: the norm of each gradient, then the norm of those norms
  const total = pNorm(
    grads.map((g) => pNorm(g.data(), normType)),
    normType,
  );
  if (options.errorIfNonfinite && !Number.isFinite(total))
    throw new FluxionError(
      `${op}: the total norm of order ${normType} of the gradients is ${total}, so they cannot be clipped; pass errorIfNonfinite: false to scale them by the non-finite norm anyway`,
    );
  const coef = Math.min(maxNorm / (total + 1e-6), 1);
  noGrad(() => {
    for (const g of grads) g.mul_(coef);
  });
  return tensor(total, { dtype });
}
