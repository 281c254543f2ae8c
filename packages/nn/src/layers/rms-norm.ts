import { type DType, ones, type Tensor } from "@fluxion/core";
import { Module } from "../module/module.js";
import { Parameter } from "../module/parameter.js";
import { checkEps, checkNormalizedShape, trailingAxes } from "./normalized-shape.js";

/** Options of `RMSNorm`. */
export interface RMSNormOptions {
  /** Added to the mean square; default (null) is the machine epsilon of the input's dtype. */
  eps?: number | null;
  /** Learn a per-element scale (ones) of shape `normalizedShape` (default true). */
  elementwiseAffine?: boolean;
  /** Parameter dtype (default: core's default dtype). */
  dtype?: DType;
}

/** Machine epsilon of a float dtype, PyTorch's `torch.finfo(dtype).eps`. */
const machineEps = (dtype: DType): number => (dtype === "float64" ? 2 ** -52 : 2 ** -23);

/**
 * Root-mean-square normalisation over the trailing axes `normalizedShape`, PyTorch's `nn.RMSNorm`:
 * y = x / √(mean(x²) + ε) · γ. When `eps` is not given it is the machine epsilon of the input's
 * dtype (2⁻²³ for float32, 2⁻⁵² for float64), as in PyTorch.
 *
 * @example
 * const norm = new RMSNorm([4]);
 * norm.call(randn([2, 4])).pow(2).mean(-1); // ≈ [1, 1]
 */
export class RMSNorm extends Module {
  /** The trailing shape normalised over (the last `normalizedShape.length` axes of the input). */
  readonly normalizedShape: readonly number[];
  /** Added to the mean square; null means the machine epsilon of the input's dtype. */
  readonly eps: number | null;
  /** Whether the layer learns a per-element scale (`weight`). */
  readonly elementwiseAffine: boolean;
  /** Scale of shape `normalizedShape` (initialised to ones), or null without `elementwiseAffine`. */
  weight: Parameter | null;

  constructor(normalizedShape: number | readonly number[], options: RMSNormOptions = {}) {
    super();
    this.normalizedShape = checkNormalizedShape("RMSNorm", normalizedShape);
    this.eps = options.eps == null ? null : checkEps("RMSNorm", options.eps);
    this.elementwiseAffine = options.elementwiseAffine ?? true;
    this.weight = this.elementwiseAffine
      ? new Parameter(ones([...this.normalizedShape], { dtype: options.dtype }))
      : null;
  }

  override forward(x: Tensor): Tensor {
    const axes = trailingAxes("RMSNorm", x, this.normalizedShape);
    const eps = this.eps ?? machineEps(x.dtype);
    const y = x.div(x.mul(x).mean(axes, true).add(eps).sqrt());
    return this.weight ? y.mul(this.weight) : y;
  }

  override extraRepr(): string {
    return `normalizedShape=[${this.normalizedShape.join(", ")}], eps=${this.eps ?? "null"}, elementwiseAffine=${this.elementwiseAffine}`;
  }
}
