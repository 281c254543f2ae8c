import { ArgumentError, sub, Tensor } from "@fluxion/core";
import { type ActivationOptions, defineActivation } from "./define-activation.js";
import { type OptionSpec, show } from "./options.js";
import { sigmoid } from "./sigmoid.js";
import { tanh } from "./tanh.js";

/** β: a finite number, or a tensor (a learnable parameter) that receives a gradient. */
const beta: OptionSpec<number | Tensor> = {
  default: 1,
  description: "β, fixed or a learnable tensor",
  check: (value, { fn, option }) => {
    if (value instanceof Tensor) return value;
    if (typeof value === "number" && Number.isFinite(value)) return value;
    throw new ArgumentError(
      `${fn}: ${option} must be a finite number or a tensor, got ${show(value)}`,
    );
  },
};

/**
 * Swish x·σ(βx), elementwise: smooth, non-monotonic, bounded below (≈ −0.278 for β = 1).
 *
 * @example
 * swish(tensor([-1, 0, 1])); // [-0.2689, 0, 0.7311]
 * swish(x, { beta: tensor(1.5, { requiresGrad: true }) }); // learnable β
 */
export const swish = defineActivation({
  name: "swish",
  options: { beta },
  kernel: "swish",
  // (a tensor β never reaches the kernel: `route` composes ops for it)
  params: (o) => [typeof o.beta === "number" ? o.beta : Number.NaN],
  // NOTE: a tensor β composes fused sigmoid and mul so that β gets its gradient x²σ'(βx).
  route: (x, o, fused) =>
    o.beta instanceof Tensor ? x.mul(sigmoid(x.mul(o.beta))) : fused(x, [o.beta]),
  // f'' = 2β σ'(βx) + β²x σ''(βx) = β σ'(βx) (2 − βx tanh(βx/2))
  second: (hg, x, [b]) => {
    const v = x.mul(b);
    return sigmoid
      .backward([hg, v], [])
      .mul(b)
      .mul(sub(2, v.mul(tanh(v.mul(0.5)))));
  },
  about: {
    formula: "x·σ(βx)",
    derivative: "σ(βx) + βx σ(βx)(1 − σ(βx))",
    range: "≈[−0.278, ∞) for β = 1",
    monotonic: "no",
    zeroCentred: "no",
    smooth: true,
    boundedBelow: true,
    boundedAbove: false,
    kink: null,
    remark:
      "Proposed by Google Brain: smooth, non-monotonic, unbounded above and bounded below. On MNIST it matches ReLU up to about 40 layers and outperforms it by a large margin between 40 and 50 layers.",
  },
  layer: "Swish",
  test: {
    cases: [{ label: "beta 1" }, { label: "beta 1.7", options: { beta: 1.7 } }],
    extra: [
      {
        label: "learnable beta (tensor)",
        inputs: [
          { shape: [2, 3], min: -4, max: 4 },
          { shape: [], min: 0.5, max: 2 },
        ],
        apply: (x, b): Tensor => swish(x, { beta: b }),
      },
    ],
  },
});

/** Options of {@link swish}. */
export type SwishOptions = ActivationOptions<typeof swish>;
