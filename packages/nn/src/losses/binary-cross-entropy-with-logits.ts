import type { Tensor } from "@fluxion/core";
import { logSigmoid } from "./log-sigmoid.js";
import { checkReduction, type Reduction, reduce } from "./reduction.js";
import {
  checkElementWeight,
  checkFloat,
  checkProbabilities,
  checkSameFloat,
  checkSameShape,
  checkTensor,
} from "./validate.js";

/** Options of `binaryCrossEntropyWithLogits`. */
export interface BinaryCrossEntropyWithLogitsOptions {
  /** Rescaling weight of each element, broadcast to the input's shape. */
  weight?: Tensor;
  /** Weight p of the positive term, broadcast along the last axes (one per class). */
  posWeight?: Tensor;
  /** How the per-element losses are combined: `"mean"` (default), `"sum"` or `"none"` (PyTorch's `reduction`). */
  reduction?: Reduction;
}

/**
 * Binary cross-entropy on logits x, with σ folded in: −w·[p·y·log σ(x) + (1 − y)·log(1 − σ(x))],
 * computed in PyTorch's stable form (1 − y)·x − (1 + (p − 1)·y)·log σ(x), finite for any finite x.
 *
 * @example
 * binaryCrossEntropyWithLogits(tensor([2, -1]), tensor([1, 0]));
 */
export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyWithLogitsOptions = {},
): Tensor {
  const op = "binaryCrossEntropyWithLogits";
  const reduction = checkReduction(op, options.reduction);
  checkTensor(op, "input", input);
  checkTensor(op, "target", target);
  checkFloat(op, "input", input);
  checkSameFloat(op, "target", target, input);
  checkSameShape(op, "target", target, input);
  checkProbabilities(op, "target", target);
  let logWeight: Tensor | number = 1;
  if (options.posWeight !== undefined) {
    const p = checkElementWeight(op, "posWeight", options.posWeight, input);
    logWeight = p.sub(1).mul(target).add(1);
  }
  let loss = target.neg().add(1).mul(input).sub(logSigmoid(input).mul(logWeight));
  if (options.weight !== undefined) {
    loss = loss.mul(checkElementWeight(op, "weight", options.weight, input));
  }
  return reduce(loss, reduction);
}
