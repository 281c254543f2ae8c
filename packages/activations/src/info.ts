import type { Tensor } from "@fluxion/core";

/** One parameter of an activation, with its default (null: a learnable tensor, no default). */
export interface ActivationParameter {
  /** The parameter's name, as in the activation's options (e.g. `negativeSlope`). */
  readonly name: string;
  /** The default value, or null for a learnable tensor that has none. */
  readonly default: number | string | boolean | null;
  /** What it means, in a few words. */
  readonly description: string;
}

/** Where an activation is not differentiable, and the derivative Fluxion uses there. */
export interface ActivationKink {
  /** The points (with default options), e.g. [0] for relu, [−1, 1] for hardtanh. */
  readonly at: readonly number[];
  /** f' used at each point (with default options), in the order of `at`: tests check them. */
  readonly derivative: readonly number[];
  /** The same in words, with the options' names, e.g. "f'(0) = a". */
  readonly note: string;
}

/** The facts about an activation a user reads in docs/activations.md, written in its file. */
export interface ActivationFacts {
  /** f(x) in words and symbols. */
  readonly formula: string;
  /** f'(x) in words and symbols. */
  readonly derivative: string;
  /** The range of values with default options, e.g. "(0, 1)". */
  readonly range: string;
  /**
   * "yes": strictly increasing; "non-strict": non-decreasing with flat parts (relu, binaryStep);
   * "no"; a condition; or "n/a" (vector functions).
   */
  readonly monotonic: "yes" | "no" | "non-strict" | "for a ≥ 0" | "n/a";
  /** Whether outputs centre on 0, or "n/a" (vector functions). */
  readonly zeroCentred: "yes" | "no" | "near" | "self-normalising" | "for minVal = −maxVal" | "n/a";
  /** Infinitely differentiable everywhere. */
  readonly smooth: boolean;
  /** Whether f is bounded below (with default options). */
  readonly boundedBelow: boolean;
  /** Whether f is bounded above (with default options). */
  readonly boundedAbove: boolean;
  /** Where f is not differentiable and the derivative used there; null for none. */
  readonly kink: ActivationKink | null;
  /** The lecture's remark on it (paraphrased or quoted), or "" if the lecture does not cover it. */
  readonly remark: string;
}

/**
 * What a program can read about an activation: docs/activations.md, the docs figure and the
 * registry-wide tests are generated from these records.
 */
export interface ActivationInfo extends ActivationFacts {
  /** The exported function's name, which is also its op's registry key and its Tensor method. */
  readonly name: string;
  /** Its options with defaults (or its extra argument, for prelu's learnable slope). */
  readonly parameters: readonly ActivationParameter[];
  /** Whether gradients flow through it (argmax: no). */
  readonly differentiable: boolean;
  /** "elementwise", or "axis" for functions of a whole axis (softmax). */
  readonly kind: "elementwise" | "axis";
  /** PyTorch's class name of its @fluxion/nn layer, or null when it has none. */
  readonly layer: string | null;
  /** Whether tensors have it as a method (`x.relu()`). */
  readonly method: boolean;
  /** The activation with default options, for plots: elementwise, or along the last axis. */
  readonly apply: (x: Tensor) => Tensor;
}
