import { ArgumentError, type Generator, rand, type Tensor, zerosLike } from "@fluxion/core";
import { Module } from "../module/module.js";

/** Options of `Dropout`. */
export interface DropoutOptions {
  /** Where the masks come from (default: core's default generator), for reproducible runs. */
  generator?: Generator;
}

/**
 * Inverted dropout: in training mode each element is zeroed with probability `p` and the others
 * are scaled by 1/(1 − p), so the expected value is unchanged; in eval mode it is the identity.
 *
 * @example
 * const drop = new Dropout(0.5, { generator: new Generator(0) });
 * drop.call(ones([4])); // some 0s, the rest 2s
 * drop.eval().call(ones([4])); // [1, 1, 1, 1]
 */
export class Dropout extends Module {
  /** Probability of zeroing an element in training mode. */
  readonly p: number;
  readonly #generator: Generator | undefined;

  constructor(p = 0.5, options: DropoutOptions = {}) {
    super();
    if (!(p >= 0 && p <= 1))
      throw new ArgumentError(`Dropout: probability p must be in [0, 1], got ${p}`);
    this.p = p;
    this.#generator = options.generator;
  }

  override forward(x: Tensor): Tensor {
    if (!this.training || this.p === 0) return x;
    if (this.p === 1) return x.mul(zerosLike(x));
    // NOTE: the uniform draws are float64 whatever x is, so P(keep) is 1 − p without float32 rounding.
    const keep = rand(x.shape, { dtype: "float64", generator: this.#generator }).ge(this.p);
    return x.mul(keep.to(x.dtype)).mul(1 / (1 - this.p));
  }

  override extraRepr(): string {
    return `p=${this.p}`;
  }
}
