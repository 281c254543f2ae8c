import { type DType, ones, type Tensor, zeros } from "@fluxion/core";
import { Module } from "../module/module.js";
import { Parameter } from "../module/parameter.js";
import { checkEps, checkNormalizedShape, trailingAxes } from "./normalized-shape.js";

/** Options of `LayerNorm`. */
export interface LayerNormOptions {
  /** Added to the variance for stability (default 1e-5). */
  eps?: number;
  /** Learn a per-element scale (ones) and shift (zeros) of shape `normalizedShape` (default true). */
  elementwiseAffine?: boolean;
  /** Learn the shift when `elementwiseAffine` (default true). */
  bias?: boolean;
  /** Parameter dtype (default: core's default dtype). */
  dtype?: DType;
}

/**
 * Layer normalisation over the trailing axes given by `normalizedShape`, PyTorch's `nn.LayerNorm`:
 * y = (x − E[x]) / √(Var[x] + ε) · γ + β, with the biased variance, statistics per sample, and
 * the same computation in training and evaluation.
 *
 * @example
 * const ln = new LayerNorm(4);
 * ln.call(randn([2, 4])).mean(-1); // ≈ [0, 0]
 */
export class LayerNorm extends Module {
  /** The trailing shape normalised over (the last `normalizedShape.length` axes of the input). */
  readonly normalizedShape: readonly number[];
  /** Added to the variance for numerical stability (default 1e-5). */
  readonly eps: number;
  /** Whether the layer learns a per-element scale (`weight`) and shift (`bias`). */
  readonly elementwiseAffine: boolean;
  /** Scale of shape `normalizedShape` (initialised to ones), or null without `elementwiseAffine`. */
  weight: Parameter | null;
  /** Shift of shape `normalizedShape` (initialised to zeros), or null without `elementwiseAffine` or with `bias: false`. */
  bias: Parameter | null;

  constructor(normalizedShape: number | readonly number[], options: LayerNormOptions = {}) {
    super();
    this.normalizedShape = checkNormalizedShape("LayerNorm", normalizedShape);
    this.eps = checkEps("LayerNorm", options.eps ?? 1e-5);
    this.elementwiseAffine = options.elementwiseAffine ?? true;
    const dtype = options.dtype;
    const shape = [...this.normalizedShape];
    this.weight = this.elementwiseAffine ? new Parameter(ones(shape, { dtype })) : null;
    this.bias =
      this.elementwiseAffine && options.bias !== false
        ? new Parameter(zeros(shape, { dtype }))
        : null;
  }

  override forward(x: Tensor): Tensor {
    const axes = trailingAxes("LayerNorm", x, this.normalizedShape);
    const mean = x.mean(axes, true);
    const centred = x.sub(mean);
    const variance = centred.mul(centred).mean(axes, true);
    let y = centred.div(variance.add(this.eps).sqrt());
    if (this.weight) y = y.mul(this.weight);
    if (this.bias) y = y.add(this.bias);
    return y;
  }

  override extraRepr(): string {
    return `normalizedShape=[${this.normalizedShape.join(", ")}], eps=${this.eps}, elementwiseAffine=${this.elementwiseAffine}`;
  }
}
