import type { Tensor } from "@fluxion/core";

/** One parameter of an activation, with its default (null: a learnable tensor, no default). */
export interface ActivationParameter {
  readonly name: string;
  readonly default: number | string | boolean | null;
  readonly description: string;
}

/**
 * What a program can read about an activation: docs and plots are generated from these records.
 * Everything here restates ACTIVATIONS.md; `remark` quotes or paraphrases the lecture.
 */
export interface ActivationInfo {
  /** The exported function's name, which is also its op's registry key. */
  readonly name: string;
  /** f(x) in words and symbols. */
  readonly formula: string;
  /** f'(x) in words and symbols. */
  readonly derivative: string;
  readonly parameters: readonly ActivationParameter[];
  /** The range of values, e.g. "(0, 1)". */
  readonly range: string;
  /** "yes", "no", "non-strict", a condition such as "for a ≥ 0", or "n/a" (vector functions). */
  readonly monotonic: "yes" | "no" | "non-strict" | "for a ≥ 0" | "n/a";
  /** "yes", "no", "near", "self-normalising" or "n/a". */
  readonly zeroCentred: "yes" | "no" | "near" | "self-normalising" | "n/a";
  /** Infinitely differentiable everywhere. */
  readonly smooth: boolean;
  readonly boundedBelow: boolean;
  readonly boundedAbove: boolean;
  /** Where f is not differentiable, and the derivative Fluxion uses there; null for none. */
  readonly kink: { readonly at: number; readonly derivative: string } | null;
  /** Whether gradients flow through it (argmax: no). */
  readonly differentiable: boolean;
  /** The lecture's remark on it (lecture-activation-functions.txt), or "" if it has none. */
  readonly remark: string;
  /** The activation with default options, for plots: elementwise, or along the last axis. */
  readonly apply: (x: Tensor) => Tensor;
}
