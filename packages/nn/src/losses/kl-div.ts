import { ArgumentError, optionsObject, type Tensor, where } from "@fluxion/core";
import { checkPair } from "./pointwise.js";

/** Reductions of `klDiv`: "batchmean" divides the sum by the batch size (the true KL divergence). */
export type KlDivReduction = "mean" | "batchmean" | "sum" | "none";

/** Options of `klDiv`. */
export interface KlDivOptions {
  /** Default "mean" (PyTorch's default; "batchmean" gives the mathematical KL divergence). */
  reduction?: KlDivReduction;
  /** The target holds log-probabilities rather than probabilities (default false). */
  logTarget?: boolean;
}

/**
 * Kullback–Leibler divergence of `input` (log-probabilities) from `target`, PyTorch's `kl_div`:
 * pointwise target·(log target − input), with 0 where target = 0 (or exp(t)·(t − input) for a
 * log-target t), reduced by "mean" over all elements (the default), "batchmean" (sum / batch
 * size), "sum" or "none". Shapes must match.
 *
 * @example
 * const logQ = tensor([[0.25, 0.75]]).log();
 * klDiv(logQ, tensor([[0.5, 0.5]]), { reduction: "batchmean" }); // 0.5·ln 2 + 0.5·ln(2/3)
 */
export function klDiv(input: Tensor, target: Tensor, given: KlDivOptions | null = {}): Tensor {
  const op = "klDiv";
  const options = optionsObject(op, given);
  const reduction = options.reduction ?? "mean";
  if (!["mean", "batchmean", "sum", "none"].includes(reduction))
    throw new ArgumentError(
      `${op}: reduction must be "mean", "batchmean", "sum" or "none", got ${JSON.stringify(reduction)}`,
    );
  const [x, t] = checkPair(op, input, target);
  let loss: Tensor;
  if (options.logTarget) loss = t.exp().mul(t.sub(x));
  else {
    // xlogy(t, t) − t·x: t·log t is 0 where t = 0 (its log argument is kept finite there, so no
    // 0·∞ reaches the gradient either)
    const nonzero = t.ne(0);
    const tLogT = where(nonzero, t.mul(where(nonzero, t, 1).log()), 0);
    loss = tLogT.sub(t.mul(x));
  }
  if (reduction === "none") return loss;
  if (reduction === "sum") return loss.sum();
  if (reduction === "mean") return loss.mean();
  return x.ndim === 0 ? loss.sum() : loss.sum().div(x.shape[0] as number);
}
