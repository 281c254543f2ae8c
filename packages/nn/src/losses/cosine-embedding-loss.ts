import {
  ArgumentError,
  formatShape,
  ShapeError,
  type Tensor,
  where,
  zerosLike,
} from "@fluxion/core";

import { checkReduction, type Reduction, reduce } from "./reduction.js";
import { checkFloat, checkSameFloat, checkSameShape, checkTensor } from "./validate.js";

/** Options of `cosineEmbeddingLoss`. */
export interface CosineEmbeddingLossOptions {
  /** For y = −1 pairs, only cosine similarity above this counts (default 0; in [−1, 1]). */
  margin?: number;
  /** How the per-element losses are combined: `"mean"` (default), `"sum"` or `"none"` (PyTorch's `reduction`). */
  reduction?: Reduction;
}

/** Added to each squared norm, as PyTorch's implementation does. */
const EPSILON = 1e-12;

/**
 * Cosine embedding loss, PyTorch's `cosine_embedding_loss`: with c = cos(x1, x2) along the last
 * axis, 1 − c for pairs labelled y = 1 (similar) and max(0, c − margin) for y = −1 (dissimilar).
 * x1 and x2 are [N, D] with y [N], or [D] with a scalar y; y holds only 1 and −1.
 *
 * @example
 * cosineEmbeddingLoss(tensor([[1, 0]]), tensor([[0, 1]]), tensor([1])).item(); // 1
 */
export function cosineEmbeddingLoss(
  input1: Tensor,
  input2: Tensor,
  target: Tensor,
  options: CosineEmbeddingLossOptions = {},
): Tensor {
  const op = "cosineEmbeddingLoss";
  const reduction = checkReduction(op, options.reduction);
  const margin = options.margin ?? 0;
  if (typeof margin !== "number" || !Number.isFinite(margin))
    throw new ArgumentError(`${op}: margin must be a finite number, got ${String(margin)}`);
  checkTensor(op, "input1", input1);
  checkTensor(op, "input2", input2);
  checkTensor(op, "target", target);
  checkFloat(op, "input1", input1);
  checkSameFloat(op, "input2", input2, input1);
  checkSameShape(op, "input2", input2, input1);
  if (!(input1.ndim === 1 || input1.ndim === 2) || target.ndim !== input1.ndim - 1)
    throw new ShapeError(
      `${op}: expected inputs [N, D] with target [N], or inputs [D] with a scalar target; got inputs ${formatShape(input1.shape)} and target ${formatShape(target.shape)}`,
    );
  if (input1.ndim === 2 && target.shape[0] !== input1.shape[0])
    throw new ShapeError(
      `${op}: target has ${target.shape[0]} labels but the inputs have ${input1.shape[0]} rows (inputs ${formatShape(input1.shape)}, target ${formatShape(target.shape)})`,
    );
  const labels = target.data();
  for (let i = 0; i < labels.length; i++)
    if (labels[i] !== 1 && labels[i] !== -1)
      throw new ArgumentError(
        `${op}: target must hold only 1 and -1, found ${labels[i]} at flat index ${i}`,
      );
  const y = target.to(input1.dtype);
  const prodSum = input1.mul(input2).sum(-1);
  const mag1 = input1.mul(input1).sum(-1).add(EPSILON);
  const mag2 = input2.mul(input2).sum(-1).add(EPSILON);
  const cos = prodSum.div(mag1.mul(mag2).sqrt());
  const zeros = zerosLike(cos);
  const loss = where(y.eq(1), cos.neg().add(1), zeros).add(
    where(y.eq(-1), cos.sub(margin).clamp(0), zeros),
  );
  return reduce(loss, reduction);
}
