/** The shape of an activation's test spec (types only; the specs are read through `/testing`). */
import type { Tensor } from "@fluxion/core";

/** Where one input's values come from. */
export interface InputDomain {
  readonly shape: readonly number[];
  /** Values are drawn uniformly from [min, max]. */
  readonly min: number;
  readonly max: number;
  /**
   * Kinks (or thresholds) of the op: a drawn value closer than `margin` to one of these is moved
   * `margin` away from it, so central differences with a step of 1e-6 do not straddle it.
   */
  readonly avoid?: readonly number[];
  /** Default 0.05. */
  readonly margin?: number;
}

/** One way to call an op: its inputs' domains and a function applying it (attributes fixed). */
export interface ActivationCase {
  /** What this case covers, e.g. "axis 0" or "approximate: 'tanh'". */
  readonly label: string;
  readonly inputs: readonly InputDomain[];
  /** Applies the op (through its public function where it has one) to tensors drawn as above. */
  readonly apply: (...inputs: Tensor[]) => Tensor;
}

/** The spec of one registered op. */
export interface ActivationSpec {
  /** The op's registry key in core (`getOp(op)`). */
  readonly op: string;
  readonly cases: readonly ActivationCase[];
  /** Whether gradgradcheck applies (the vjp is itself differentiable on the drawn domain). */
  readonly twiceDifferentiable: boolean;
  /** Whether the vjp is the true derivative (so gradcheck applies at all). */
  readonly differentiable: boolean;
}

/** Test cases of an elementwise activation: options and where to draw x (default [−4, 4]). */
export interface ElementwiseCase<Options> {
  readonly label: string;
  readonly options?: Options;
  readonly min?: number;
  readonly max?: number;
  /** Kinks and thresholds to keep drawn values away from. */
  readonly avoid?: readonly number[];
}

/** The shape every elementwise case draws x in. */
export const CASE_SHAPE: readonly number[] = [2, 3];
