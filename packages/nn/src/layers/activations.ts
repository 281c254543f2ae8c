/**
 * nn layers of the activations, derived from @fluxion/activations' list: each is the activation
 * with its options fixed (and checked) at construction, printed by `extraRepr`. PReLU and Swish
 * hold learnable parameters and are written out below.
 */
import {
  type Activation,
  binaryStep,
  elu,
  gelu,
  leakyRelu,
  lisht,
  logSoftmax,
  mish,
  type OptionSpecs,
  type OptionsActivation,
  type OptionsOf,
  prelu,
  relu,
  selu,
  sigmoid,
  silu,
  softmax,
  softplus,
  softsign,
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

/** A layer applying one activation with the options it was built with. */
export interface ActivationLayer<O extends OptionSpecs> extends Module {
  /** The options as given (unset ones take the activation's defaults). */
  readonly options: OptionsOf<O>;
  /** The activation this layer applies. */
  readonly activation: Activation;
  forward(x: Tensor): Tensor;
}

/** The class of an {@link ActivationLayer}. */
export type ActivationLayerClass<O extends OptionSpecs> = new (
  options?: OptionsOf<O>,
) => ActivationLayer<O>;

/**
 * The layer class of an activation: options are checked when the layer is built (errors name the
 * layer's class), and `forward(x)` is `activation(x, options)`.
 *
 * @example
 * class Softsign extends activationLayer(softsign) {}
 * new LeakyReLU({ negativeSlope: 0.2 }).toString(); // "LeakyReLU(negativeSlope=0.2)"
 */
export function activationLayer<O extends OptionSpecs>(
  activation: OptionsActivation<string, string | null, O, boolean>,
): ActivationLayerClass<O> {
  return class extends Module {
    readonly options: OptionsOf<O>;
    readonly activation: Activation = activation;
    constructor(options: OptionsOf<O> = {}) {
      super();
      activation.resolve(
        new.target.name || (activation.info.layer ?? activation.info.name),
        options,
      );
      this.options = { ...options };
    }
    override forward(x: Tensor): Tensor {
      return activation(x, this.options);
    }
    override extraRepr(): string {
      return describe(this.options);
    }
  };
}

// One line per activation: the class name is PyTorch's (the definition's `layer`).
/** Layer of {@link binaryStep}. @example new BinaryStep({ straightThrough: true }) */
export class BinaryStep extends activationLayer(binaryStep) {}
/** Layer of {@link elu}. @example new ELU({ alpha: 1 }) */
export class ELU extends activationLayer(elu) {}
/** Layer of {@link gelu}. @example new GELU({ approximate: "tanh" }) */
export class GELU extends activationLayer(gelu) {}
/** Layer of {@link leakyRelu}. @example new LeakyReLU({ negativeSlope: 0.2 }) */
export class LeakyReLU extends activationLayer(leakyRelu) {}
/** Layer of {@link lisht}. @example new LiSHT() */
export class LiSHT extends activationLayer(lisht) {}
/** Layer of {@link logSoftmax}; pair it with `nllLoss`. @example new LogSoftmax({ axis: 1 }) */
export class LogSoftmax extends activationLayer(logSoftmax) {}
/** Layer of {@link mish}. @example new Mish() */
export class Mish extends activationLayer(mish) {}
/** Layer of {@link relu}. @example new Sequential(new Linear(4, 8), new ReLU()) */
export class ReLU extends activationLayer(relu) {}
/** Layer of {@link selu}; use `init.lecunNormal` weights. @example new SELU() */
export class SELU extends activationLayer(selu) {}
/** Layer of {@link sigmoid}. @example new Sigmoid() */
export class Sigmoid extends activationLayer(sigmoid) {}
/** Layer of {@link silu}. @example new SiLU() */
export class SiLU extends activationLayer(silu) {}
/** Layer of {@link softmax}. @example new Softmax({ axis: 1 }) */
export class Softmax extends activationLayer(softmax) {}
/** Layer of {@link softplus}. @example new Softplus({ beta: 2 }) */
export class Softplus extends activationLayer(softplus) {}
/** Layer of {@link tanh}. @example new Tanh() */
export class Tanh extends activationLayer(tanh) {}
/** Layer of {@link softsign}. @example new Softsign() */
export class Softsign extends activationLayer(softsign) {}

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
