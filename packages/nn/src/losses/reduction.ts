import { ArgumentError, fullLike, type Tensor, where, zerosLike } from "@fluxion/core";

/** How a loss combines its per-element values: their mean (default), their sum, or none. */
export type Reduction = "mean" | "sum" | "none";

/** Checks `reduction` and returns it (default "mean"). */
export function checkReduction(op: string, reduction: Reduction | undefined): Reduction {
  const r = reduction ?? "mean";
  if (r !== "mean" && r !== "sum" && r !== "none")
    throw new ArgumentError(
      `${op}: reduction must be "mean", "sum" or "none", got ${JSON.stringify(r)}`,
    );
  return r;
}

/** Applies a plain (unweighted) reduction to per-element losses. */
export function reduce(loss: Tensor, reduction: Reduction): Tensor {
  if (reduction === "mean") return loss.mean();
  if (reduction === "sum") return loss.sum();
  return loss;
}

/**
 * `total / weightSum` for a weighted "mean": NaN when every weight is 0 (every target ignored), as in
 * PyTorch, but with a zero gradient instead of NaN, so a batch of padding leaves the weights intact.
 */
export function weightedMean(total: Tensor, weightSum: Tensor): Tensor {
  const empty = weightSum.eq(0);
  // NOTE: the NaN comes from a constant branch; the differentiable path divides by 1 where the
  // weights sum to 0, and its gradient, a sum of zero weights, is then exactly 0.
  return total
    .div(where(empty, 1, weightSum))
    .add(where(empty, fullLike(total, Number.NaN), zerosLike(total)));
}
