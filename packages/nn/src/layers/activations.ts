import {
  type BinaryStepOptions,
  binaryStep,
  type EluOptions,
  elu,
  type GeluOptions,
  gelu,
  type LeakyReluOptions,
  type LogSoftmaxOptions,
  leakyRelu,
  lisht,
  logSoftmax,
  mish,
  prelu,
  relu,
  type SoftmaxOptions,
  type SoftplusOptions,
  selu,
  sigmoid,
  silu,
  softmax,
  softplus,
  swish,
  tanh,
} from "@fluxion/activations";
import { ArgumentError, type DType, full, type Tensor } from "@fluxion/core";
import { Module } from "../module/module.js";
import { Parameter } from "../module/parameter.js";

/** `k=v, …` of the options that are set, for `extraRepr`. */
function describe(options: object): string {
  return Object.entries(options)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ");
}

/** ReLU layer: max(0, x). @example new Sequential(new Linear(4, 8), new ReLU()) */
export class ReLU extends Module {
  override forward(x: Tensor): Tensor {
    return relu(x);
  }
}

/**
 * Leaky ReLU layer: x if x ≥ 0 else a·x (a = `negativeSlope`, default 0.01).
 *
 * @example
 * new LeakyReLU({ negativeSlope: 0.2 }).call(tensor([-1, 1])); // [-0.2, 1]
 */
export class LeakyReLU extends Module {
  constructor(readonly options: LeakyReluOptions = {}) {
    super();
  }
  override forward(x: Tensor): Tensor {
    return leakyRelu(x, this.options);
  }
  override extraRepr(): string {
    return describe(this.options);
  }
}

/**
 * Parametric ReLU layer: x if x ≥ 0 else a·x with a learnable slope `weight`, one for all
 * channels or one per channel (axis 1), initialised to 0.25 as in PyTorch.
 *
 * @example
 * const act = new PReLU({ numParameters: 16 }); // one slope per channel of a [N, 16, …] input
 */
export class PReLU extends Module {
  /** Number of slopes: 1, or the number of channels (the `numParameters` option). */
  readonly numSlopes: number;
  weight: Parameter;

  constructor(options: { numParameters?: number; init?: number; dtype?: DType } = {}) {
    super();
    const n = options.numParameters ?? 1;
    if (!Number.isInteger(n) || n < 1)
      throw new ArgumentError(`PReLU: numParameters must be a positive integer, got ${n}`);
    this.numSlopes = n;
    this.weight = new Parameter(full([n], options.init ?? 0.25, { dtype: options.dtype }));
  }
  override forward(x: Tensor): Tensor {
    return prelu(x, this.weight);
  }
  override extraRepr(): string {
    return `numParameters=${this.numSlopes}`;
  }
}

/** ELU layer: x if x > 0 else α(eˣ − 1). @example new ELU({ alpha: 1 }) */
export class ELU extends Module {
  constructor(readonly options: EluOptions = {}) {
    super();
  }
  override forward(x: Tensor): Tensor {
    return elu(x, this.options);
  }
  override extraRepr(): string {
    return describe(this.options);
  }
}

/**
 * SELU layer: λ·(x if x > 0 else α(eˣ − 1)), self-normalising with `init.lecunNormal` weights.
 *
 * @example
 * new Sequential(new Linear(64, 64), new SELU());
 */
export class SELU extends Module {
  override forward(x: Tensor): Tensor {
    return selu(x);
  }
}

/**
 * GELU layer: x·Φ(x), or its 'tanh' / 'sigmoid' approximation.
 *
 * @example
 * new GELU({ approximate: "tanh" });
 */
export class GELU extends Module {
  constructor(readonly options: GeluOptions = {}) {
    super();
  }
  override forward(x: Tensor): Tensor {
    return gelu(x, this.options);
  }
  override extraRepr(): string {
    return describe(this.options);
  }
}

/** Options of the `Swish` layer. */
export interface SwishLayerOptions {
  /** β (default 1). */
  beta?: number;
  /** Make β a learnable parameter (named `beta`) initialised to `beta` (default false). */
  learnable?: boolean;
  /** dtype of a learnable β (default: core's default dtype). */
  dtype?: DType;
}

/**
 * Swish layer: x·σ(βx), with β fixed or learnable.
 *
 * @example
 * new Swish({ beta: 1, learnable: true }); // β is trained with the other parameters
 */
export class Swish extends Module {
  readonly fixedBeta: number;
  beta: Parameter | null;

  constructor(options: SwishLayerOptions = {}) {
    super();
    this.fixedBeta = options.beta ?? 1;
    this.beta = options.learnable
      ? new Parameter(full([1], this.fixedBeta, { dtype: options.dtype }))
      : null;
  }
  override forward(x: Tensor): Tensor {
    return swish(x, { beta: this.beta ?? this.fixedBeta });
  }
  override extraRepr(): string {
    return this.beta ? "beta=learnable" : `beta=${this.fixedBeta}`;
  }
}

/** SiLU layer: x·σ(x) (Swish with β = 1). @example new SiLU() */
export class SiLU extends Module {
  override forward(x: Tensor): Tensor {
    return silu(x);
  }
}

/** Mish layer: x·tanh(softplus(x)). @example new Mish() */
export class Mish extends Module {
  override forward(x: Tensor): Tensor {
    return mish(x);
  }
}

/** LiSHT layer: x·tanh(x). @example new LiSHT() */
export class LiSHT extends Module {
  override forward(x: Tensor): Tensor {
    return lisht(x);
  }
}

/**
 * Softplus layer: (1/β)·ln(1 + e^{βx}), linear above `threshold`.
 *
 * @example
 * new Softplus({ beta: 2 });
 */
export class Softplus extends Module {
  constructor(readonly options: SoftplusOptions = {}) {
    super();
  }
  override forward(x: Tensor): Tensor {
    return softplus(x, this.options);
  }
  override extraRepr(): string {
    return describe(this.options);
  }
}

/** Sigmoid layer: 1 / (1 + e^−x). @example new Sigmoid() */
export class Sigmoid extends Module {
  override forward(x: Tensor): Tensor {
    return sigmoid(x);
  }
}

/** Tanh layer. @example new Tanh() */
export class Tanh extends Module {
  override forward(x: Tensor): Tensor {
    return tanh(x);
  }
}

/**
 * Softmax layer along `axis` (default −1).
 *
 * @example
 * new Softmax({ axis: 1 });
 */
export class Softmax extends Module {
  constructor(readonly options: SoftmaxOptions = {}) {
    super();
  }
  override forward(x: Tensor): Tensor {
    return softmax(x, this.options);
  }
  override extraRepr(): string {
    return describe(this.options);
  }
}

/**
 * LogSoftmax layer along `axis` (default −1); pair it with `nllLoss`.
 *
 * @example
 * new Sequential(new Linear(4, 3), new LogSoftmax({ axis: 1 }));
 */
export class LogSoftmax extends Module {
  constructor(readonly options: LogSoftmaxOptions = {}) {
    super();
  }
  override forward(x: Tensor): Tensor {
    return logSoftmax(x, this.options);
  }
  override extraRepr(): string {
    return describe(this.options);
  }
}

/**
 * Binary step layer: 1 if x ≥ 0 else 0. Its gradient is 0, so layers before it do not learn
 * (the lecture's point) unless `straightThrough` passes gradients through.
 *
 * @example
 * new BinaryStep({ straightThrough: true });
 */
export class BinaryStep extends Module {
  constructor(readonly options: BinaryStepOptions = {}) {
    super();
  }
  override forward(x: Tensor): Tensor {
    return binaryStep(x, this.options);
  }
  override extraRepr(): string {
    return describe(this.options);
  }
}
