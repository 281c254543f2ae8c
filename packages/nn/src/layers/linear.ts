import {
  ArgumentError,
  type DType,
  type Generator,
  ShapeError,
  type Tensor,
  zeros,
} from "@fluxion/core";
import { uniform } from "../init/basic.js";
import { kaimingUniform } from "../init/scaled.js";
import { Module } from "../module/module.js";
import { Parameter } from "../module/parameter.js";

/** Options of `Linear`. */
export interface LinearOptions {
  /** Learn an additive bias (default true). */
  bias?: boolean;
  /** Parameter dtype (default: core's default dtype). */
  dtype?: DType;
  /** Generator for the initial values (default: core's default generator). */
  generator?: Generator;
}

/**
 * y = x Wᵀ + b, with weight W of shape [outFeatures, inFeatures] and bias b of shape
 * [outFeatures]. PyTorch's initialisation: W ~ kaiming-uniform with a = √5, i.e.
 * U(−1/√inFeatures, 1/√inFeatures), and b ~ U(−1/√inFeatures, 1/√inFeatures).
 *
 * @example
 * const fc = new Linear(784, 10);
 * fc.call(randn([32, 784])).shape; // [32, 10]
 */
export class Linear extends Module {
  /** Size of each input sample (the last axis of the input). */
  readonly inFeatures: number;
  /** Size of each output sample. */
  readonly outFeatures: number;
  /** Weight W of shape [outFeatures, inFeatures] (Kaiming-uniform initialised, as in PyTorch). */
  weight: Parameter;
  /** Bias b of shape [outFeatures], or null with `bias: false`. */
  bias: Parameter | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    for (const [name, v] of [
      ["inFeatures", inFeatures],
      ["outFeatures", outFeatures],
    ] as const) {
      if (!Number.isInteger(v) || v < 0)
        throw new ArgumentError(`Linear: ${name} must be a non-negative integer, got ${v}`);
    }
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    const dtype = options.dtype;
    this.weight = new Parameter(zeros([outFeatures, inFeatures], { dtype }));
    this.bias = options.bias === false ? null : new Parameter(zeros([outFeatures], { dtype }));
    this.resetParameters(options.generator);
  }

  /**
   * Draws fresh initial values (PyTorch's `reset_parameters`).
   *
   * @example
   * fc.resetParameters(new Generator(0));
   */
  resetParameters(generator?: Generator): void {
    kaimingUniform(this.weight, { a: Math.sqrt(5), generator });
    if (this.bias) {
      const bound = this.inFeatures > 0 ? 1 / Math.sqrt(this.inFeatures) : 0;
      uniform(this.bias, { a: -bound, b: bound, generator });
    }
  }

  override forward(x: Tensor): Tensor {
    const features = x.shape[x.ndim - 1];
    if (x.ndim === 0 || features !== this.inFeatures) {
      throw new ShapeError(
        `Linear: the input's last axis must have inFeatures = ${this.inFeatures} elements, got input shape [${x.shape.join(", ")}]`,
      );
    }
    // x·Wᵀ with W read in place: the kernel takes the transpose without copying the weight
    const y = x.matmul(this.weight, { transposeB: true });
    return this.bias ? y.add(this.bias) : y;
  }

  override extraRepr(): string {
    return `inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}, bias=${this.bias !== null}`;
  }
}
