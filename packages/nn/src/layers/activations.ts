/**
 * nn layers of the activations, derived from @fluxion/activations' list: each is the activation
 * with its options fixed (and checked) at construction, printed by `extraRepr`. PReLU and Swish
 * hold learnable parameters and are written out below.
 */

import type { Activation, OptionSpecs, OptionsActivation, OptionsOf } from "@fluxion/activations";
import * as act from "@fluxion/activations";
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
 * class Softsign extends activationLayer(act.softsign) {}
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
/** Layer of {@link act.binaryStep}. @example new BinaryStep({ straightThrough: true }) */
export class BinaryStep extends activationLayer(act.binaryStep) {}
/** Layer of {@link act.elu}. @example new ELU({ alpha: 1 }) */
export class ELU extends activationLayer(act.elu) {}
/** Layer of {@link act.gelu}. @example new GELU({ approximate: "tanh" }) */
export class GELU extends activationLayer(act.gelu) {}
/** Layer of {@link act.leakyRelu}. @example new LeakyReLU({ negativeSlope: 0.2 }) */
export class LeakyReLU extends activationLayer(act.leakyRelu) {}
/** Layer of {@link act.lisht}. @example new LiSHT() */
export class LiSHT extends activationLayer(act.lisht) {}
/** Layer of {@link act.logSoftmax}; pair it with `nllLoss`. @example new LogSoftmax({ axis: 1 }) */
export class LogSoftmax extends activationLayer(act.logSoftmax) {}
/** Layer of {@link act.mish}. @example new Mish() */
export class Mish extends activationLayer(act.mish) {}
/** Layer of {@link act.relu}. @example new Sequential(new Linear(4, 8), new ReLU()) */
export class ReLU extends activationLayer(act.relu) {}
/** Layer of {@link act.selu}; use `init.lecunNormal` weights. @example new SELU() */
export class SELU extends activationLayer(act.selu) {}
/** Layer of {@link act.sigmoid}. @example new Sigmoid() */
export class Sigmoid extends activationLayer(act.sigmoid) {}
/** Layer of {@link act.silu}. @example new SiLU() */
export class SiLU extends activationLayer(act.silu) {}
/** Layer of {@link act.softmax}. @example new Softmax({ axis: 1 }) */
export class Softmax extends activationLayer(act.softmax) {}
/** Layer of {@link act.softplus}. @example new Softplus({ beta: 2 }) */
export class Softplus extends activationLayer(act.softplus) {}
/** Layer of {@link act.tanh}. @example new Tanh() */
export class Tanh extends activationLayer(act.tanh) {}
/** Layer of {@link act.squareplus}. @example new Squareplus({ b: 4 }) */
export class Squareplus extends activationLayer(act.squareplus) {}
/** Layer of {@link act.hardtanh}. @example new Hardtanh({ minVal: 0, maxVal: 6 }) */
export class Hardtanh extends activationLayer(act.hardtanh) {}
/** Layer of {@link act.softsign}. @example new Softsign() */
export class Softsign extends activationLayer(act.softsign) {}

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
  /** The learnable negative slope(s) a, of shape [numParameters] (initialised to `init`, default 0.25). */
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
    return act.prelu(x, this.weight);
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
  /** β when it is not learnable (and the initial value of `beta` when it is). */
  readonly fixedBeta: number;
  /** The learnable β, of shape [1], or null when β is fixed (`fixedBeta`). */
  beta: Parameter | null;

  constructor(options: SwishLayerOptions = {}) {
    super();
    this.fixedBeta = options.beta ?? 1;
    this.beta = options.learnable
      ? new Parameter(full([1], this.fixedBeta, { dtype: options.dtype }))
      : null;
  }
  override forward(x: Tensor): Tensor {
    return act.swish(x, { beta: this.beta ?? this.fixedBeta });
  }
  override extraRepr(): string {
    return this.beta ? "beta=learnable" : `beta=${this.fixedBeta}`;
  }
}
