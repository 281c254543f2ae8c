import type { Tensor } from "@fluxion/core";
import { Module } from "../module/module.js";

/**
 * Flattens axes `startDim` … `endDim` into one (by default all but the batch axis), like PyTorch's
 * `nn.Flatten`.
 *
 * @example
 * new Flatten().call(zeros([32, 1, 28, 28])).shape; // [32, 784]
 */
export class Flatten extends Module {
  constructor(
    /** First axis flattened (default 1; negative counts from the end). */
    readonly startDim = 1,
    /** Last axis flattened, inclusive (default -1, the last). */
    readonly endDim = -1,
  ) {
    super();
  }

  override forward(x: Tensor): Tensor {
    return x.flatten(this.startDim, this.endDim);
  }

  override extraRepr(): string {
    return `startDim=${this.startDim}, endDim=${this.endDim}`;
  }
}
