import { ArgumentError, DTypeError, type Tensor } from "@fluxion/core";
import { checkClassWeight, classAxis, indexTargets, weightAlong } from "./class-targets.js";
import { nllReduce } from "./nll-loss.js";
import { checkReduction, type Reduction, weightedMean } from "./reduction.js";
import {
  checkFloat,
  checkProbabilities,
  checkSameFloat,
  checkSameShape,
  checkTensor,
} from "./validate.js";

/** Options of `crossEntropy`. */
export interface CrossEntropyOptions {
  /** One weight per class (shape [C]). */
  weight?: Tensor;
  /** Class-index targets equal to this contribute nothing (default −100). */
  ignoreIndex?: number;
  /** ε in [0, 1]: the target becomes (1 − ε)·target + ε/C (default 0). */
  labelSmoothing?: number;
  /** How the per-element losses are combined: `"mean"` (default), `"sum"` or `"none"` (PyTorch's `reduction`). */
  reduction?: Reduction;
}

/**
 * Cross-entropy between logits of shape [C] or [N, C, d1, …] and either int32 class indices (shape
 * [] or [N, d1, …]) or class probabilities (input's shape), following PyTorch's `cross_entropy`
 * exactly: log-probabilities are x − logSumExp(x) (never log(softmax)); with class indices, "mean"
 * divides by Σ w[yₙ] over non-ignored targets and label smoothing ε adds ε/C·(−Σ_c w_c logp_c);
 * with probabilities, the loss is −Σ_c w_c t_c logp_c and "mean" divides by the number of samples.
 *
 * @example
 * crossEntropy(randn([4, 3]), tensor([0, 2, 1, 1], { dtype: "int32" }), { labelSmoothing: 0.1 });
 */
export function crossEntropy(
  input: Tensor,
  target: Tensor,
  options: CrossEntropyOptions = {},
): Tensor {
  const op = "crossEntropy";
  const reduction = checkReduction(op, options.reduction);
  checkTensor(op, "input", input);
  checkTensor(op, "target", target);
  checkFloat(op, "input", input);
  const axis = classAxis(op, input);
  const numClasses = input.shape[axis] as number;
  const weight = checkClassWeight(op, options.weight, input, numClasses);
  const eps = options.labelSmoothing ?? 0;
  if (!(eps >= 0 && eps <= 1))
    throw new ArgumentError(`${op}: labelSmoothing must be in [0, 1], got ${eps}`);
  const logp = input.sub(input.logSumExp(axis, true));
  const wAlong = weight ? weightAlong(weight, axis, input.ndim) : undefined;

  if (target.dtype === "int32") {
    const targets = indexTargets(op, input, target, axis, weight, options.ignoreIndex ?? -100);
    const nll = nllReduce(logp, targets, axis, reduction);
    if (eps === 0) return nll;
    // −Σ_c w_c logp_c per sample, 0 for ignored targets
    const smooth = (wAlong ? logp.mul(wAlong) : logp).sum(axis).neg().mul(targets.valid);
    const smoothReduced =
      reduction === "none"
        ? smooth
        : reduction === "sum"
          ? smooth.sum()
          : weightedMean(smooth.sum(), targets.weights.sum());
    return nll.mul(1 - eps).add(smoothReduced.mul(eps / numClasses));
  }

  checkFloat(op, "target", target);
  if (target.ndim === input.ndim - 1) {
    throw new DTypeError(
      `${op}: a target of shape [${target.shape.join(", ")}] holds class indices, which must be int32, got ${target.dtype} (convert with .int()); probability targets have the input's shape [${input.shape.join(", ")}]`,
    );
  }
  checkSameFloat(op, "target", target, input);
  checkSameShape(op, "target", target, input);
  checkProbabilities(op, "target", target);
  const t = eps > 0 ? target.mul(1 - eps).add(eps / numClasses) : target;
  const perSample = (wAlong ? logp.mul(t).mul(wAlong) : logp.mul(t)).sum(axis).neg();
  if (reduction === "none") return perSample;
  if (reduction === "sum") return perSample.sum();
  return perSample.sum().div(input.size / numClasses);
}
