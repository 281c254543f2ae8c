import type { Arbitrary } from "fast-check";
import type { DType } from "../dtype.js";
import type { GradcheckOptions } from "../gradcheck/index.js";
import type { Tensor } from "../tensor/tensor.js";

/**
 * One drawn test case of an op: the tensors to differentiate, how to call the op on them, and the
 * output shape worked out independently of the op's own shape rule.
 */
export interface OpCase {
  /**
   * The op's inputs. float64 inputs are differentiated (gradcheck perturbs them); int32 inputs
   * (indices, labels) are passed through untouched.
   */
  readonly inputs: readonly Tensor[];
  /**
   * Applies the op to `inputs` through its public function. Attributes (axes, slices, options) and
   * anything else that is not differentiated are closed over.
   */
  readonly call: (...inputs: Tensor[]) => Tensor;
  /** The output shape the call must produce, computed by the spec (not by the op's shape rule). */
  readonly shape: readonly number[];
  /** The output dtype (default float64; int32 for comparisons and arg-reductions). */
  readonly dtype?: DType;
  /** A short description of the attributes for failure messages, e.g. `"axes=[0], keepDims"`. */
  readonly label?: string;
}

/**
 * How the registry-wide property test exercises one registered op (or one composite function).
 *
 * @example
 * const expSpec: OpTestSpec = {
 *   op: "exp",
 *   cases: arbTensor({ min: -3, max: 3 }).map((x) => ({ inputs: [x], call: (t) => t.exp(), shape: x.shape })),
 * };
 */
export interface OpTestSpec {
  /** The registry name (`listOps()[i].name`); every call must record at least one node of this op. */
  readonly op: string;
  /** Draws valid cases: shapes (broadcasting where the op broadcasts) and values in the op's domain. */
  readonly cases: Arbitrary<OpCase>;
  /**
   * Highest derivative order to check: 0 for ops without a gradient (comparisons, argmax: the output
   * must not require grad and backward through it must fail), 1 for `gradcheck` only, 2 (default)
   * for `gradcheck` and `gradgradcheck`.
   */
  readonly order?: 0 | 1 | 2;
  /** Overrides of gradcheck's tolerances for this op (e.g. a larger atol for ill-conditioned ops). */
  readonly gradcheck?: GradcheckOptions;
  /** fast-check runs for this op (default: the suite's, about 20). */
  readonly numRuns?: number;
  /**
   * True for a function composed from other ops and not registered itself (logSumExp, variance):
   * it is checked the same way but need not appear in the registry.
   */
  readonly composite?: boolean;
}
