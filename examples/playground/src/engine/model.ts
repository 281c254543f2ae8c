import { Generator, type Tensor } from "@fluxion/core";
import { init, Linear, type Parameter, PReLU } from "@fluxion/nn";
import type { ResolvedActivation } from "./activation-choices.js";
import type { InitName } from "./protocol.js";

/** The shape and initialisation of the playground's network. */
export interface MlpOptions {
  /** Hidden layers, each Linear then the activation. */
  readonly depth: number;
  /** Units per hidden layer. */
  readonly width: number;
  readonly activation: ResolvedActivation;
  readonly init: InitName;
  /** Seeds the initial weights. */
  readonly seed: number;
}

/** Applies the chosen initialiser to a Linear layer's weight; biases start at zero then. */
function initialise(layer: Linear, name: InitName, generator: Generator): void {
  if (name === "default") return; // Linear's own (PyTorch's) initialisation, already drawn
  const weight = layer.weight;
  if (name === "lecunNormal") init.lecunNormal(weight, { generator });
  else if (name === "xavierUniform") init.xavierUniform(weight, { generator });
  else if (name === "xavierNormal") init.xavierNormal(weight, { generator });
  // NOTE: Kaiming with nn's (PyTorch's) defaults: fan-in, the gain √2 of ReLU
  else if (name === "kaimingUniform") init.kaimingUniform(weight, { generator });
  else init.kaimingNormal(weight, { generator });
  if (layer.bias) init.zeros(layer.bias);
}

/**
 * A multilayer perceptron from 2 inputs to 1 logit: `depth` hidden Linear layers of `width` units,
 * each followed by the activation (prelu: a learnable slope per layer, PyTorch's PReLU), then a
 * Linear output layer. Seeded: the same options give the same weights.
 *
 * @example
 * const net = new Mlp({ depth: 3, width: 8, activation: resolveActivation("tanh", {}, "Mlp"),
 *   init: "default", seed: 0 });
 * net.forward(tensor([[0.5, -1]])); // shape [1], a logit
 */
export class Mlp {
  /** The depth + 1 Linear layers, the output layer last. */
  readonly linears: readonly Linear[];
  /** One PReLU per hidden layer when the activation is prelu, else []. */
  readonly prelus: readonly PReLU[];
  readonly activation: ResolvedActivation;

  constructor(options: MlpOptions) {
    const generator = new Generator(options.seed);
    const sizes = [2, ...Array.from({ length: options.depth }, () => options.width), 1];
    this.linears = sizes.slice(1).map((out, i) => {
      const layer = new Linear(sizes[i], out, { generator });
      initialise(layer, options.init, generator);
      return layer;
    });
    this.prelus = options.activation.learnableSlope
      ? Array.from({ length: options.depth }, () => new PReLU())
      : [];
    this.activation = options.activation;
  }

  /** Number of hidden layers. */
  get depth(): number {
    return this.linears.length - 1;
  }

  /** Every trainable tensor: weights, biases and prelu slopes. */
  parameters(): Parameter[] {
    return [...this.linears, ...this.prelus].flatMap((m) => [...m.parameters()]);
  }

  /** The activation of hidden layer `layer` applied to its pre-activations z. */
  activate(layer: number, z: Tensor): Tensor {
    return this.activation.apply(z, this.prelus[layer]?.weight);
  }

  /**
   * The logits, shape [n], of inputs x [n, 2]; with `capture`, each hidden layer's
   * pre-activations [n, width] are pushed onto it.
   */
  forward(x: Tensor, capture?: Tensor[]): Tensor {
    let h = x;
    const depth = this.depth;
    for (let i = 0; i < depth; i++) {
      const z = this.linears[i].forward(h);
      capture?.push(z);
      h = this.activate(i, z);
    }
    return this.linears[depth].forward(h).squeeze(-1);
  }
}
