import { ArgumentError, type Tensor } from "@fluxion/core";

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
