import {
  ArgumentError,
  asTensor,
  defineOp,
  exp,
  sub,
  type Tensor,
  type TensorLike,
} from "@fluxion/core";
import type { ActivationInfo } from "./info.js";
import { defineActivationBackward, floatDType } from "./internal.js";
import { swishBackward } from "./swish.js";
import { tanh, tanhBackward } from "./tanh.js";

/** 'none': x Φ(x) with erf; 'tanh' and 'sigmoid': the lecture's two approximations. */
export type GeluApproximation = "none" | "tanh" | "sigmoid";

interface GeluAttrs {
  readonly approximate: GeluApproximation;
}

/** β of the sigmoid form x σ(1.702x). */
export const GELU_SIGMOID_BETA = 1.702;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const K = 0.044715;

/** (g, x) ↦ g ⊙ f'(x) for the erf and tanh forms of GELU (the sigmoid form is swish's). */
export const geluBackward = defineActivationBackward<GeluAttrs>({
  name: "geluBackward",
  kernel: (a) => (a.approximate === "tanh" ? "geluTanh" : "gelu"),
  params: () => [],
  second: (hg, x, { approximate }) => {
    if (approximate === "tanh") {
      // f = ½x(1 + tanh u), u = c(x + kx³): f'' = sech²u (u' − x tanh(u) u'² + 3ckx²)
      const x2 = x.mul(x);
      const u = x.add(x2.mul(x).mul(K)).mul(SQRT_2_OVER_PI);
      const du = x2
        .mul(3 * K)
        .add(1)
        .mul(SQRT_2_OVER_PI);
      const bracket = du.sub(x.mul(tanh(u)).mul(du.mul(du))).add(x2.mul(3 * SQRT_2_OVER_PI * K));
      return tanhBackward([hg, u], {}).mul(bracket);
    }
    // f = x Φ(x): f'' = 2φ(x) + x φ'(x) = φ(x)(2 − x²)
    const x2 = x.mul(x);
    return hg.mul(exp(x2.mul(-0.5)).mul(INV_SQRT_2PI)).mul(sub(2, x2));
  },
});

const geluOp = defineOp<[Tensor], GeluAttrs>({
  name: "gelu",
  shape: ([x]) => x.shape,
  dtype: floatDType,
  forward: (be, [x], { approximate }, out) => {
    const data = x.data;
    if (approximate === "sigmoid")
      return be.activation("swish", data, [GELU_SIGMOID_BETA], out.dtype);
    return be.activation(approximate === "tanh" ? "geluTanh" : "gelu", data, [], out.dtype);
  },
  // exact: Φ(x) + x φ(x); tanh form: ½(1 + tanh u) + ½x sech²(u) u'; sigmoid form: swish's
  vjp: (g, { inputs: [x], attrs }) => [
    attrs.approximate === "sigmoid"
      ? swishBackward([g, x as Tensor], { beta: GELU_SIGMOID_BETA })
      : geluBackward([g, x as Tensor], attrs),
  ],
});

export interface GeluOptions {
  /**
   * 'none' (default): x Φ(x) = ½x(1 + erf(x/√2)), exact to double precision; 'tanh':
   * ½x(1 + tanh(√(2/π)(x + 0.044715x³))); 'sigmoid': x σ(1.702x).
   */
  approximate?: GeluApproximation;
}

/**
 * The Gaussian error linear unit x Φ(x), elementwise, or one of its approximations. Each form is
 * computed (and differentiated) exactly as written, to full precision in the tails.
 *
 * @example
 * gelu(tensor([-1, 0, 1])); // [-0.1587, 0, 0.8413]
 * gelu(x, { approximate: "tanh" });
 */
export function gelu(x: TensorLike, options: GeluOptions = {}): Tensor {
  const approximate = options.approximate ?? "none";
  if (approximate !== "none" && approximate !== "tanh" && approximate !== "sigmoid") {
    throw new ArgumentError(
      `gelu: approximate must be 'none', 'tanh' or 'sigmoid', got ${String(approximate)}`,
    );
  }
  return geluOp([asTensor(x)], { approximate });
}

export const geluInfo: ActivationInfo = {
  name: "gelu",
  formula: "x Φ(x) = ½x(1 + erf(x/√2)); ≈ ½x(1 + tanh(√(2/π)(x + 0.044715x³))); ≈ x σ(1.702x)",
  derivative: "Φ(x) + x φ(x) (each approximation: its own exact derivative)",
  parameters: [
    {
      name: "approximate",
      default: "none",
      description: "'none' (erf), 'tanh' or 'sigmoid'",
    },
  ],
  range: "≈[−0.17, ∞)",
  monotonic: "no",
  zeroCentred: "near",
  smooth: true,
  boundedBelow: true,
  boundedAbove: false,
  kink: null,
  differentiable: true,
  remark:
    "Contrary to ReLU, GELU weights its inputs by their value instead of thresholding them by their sign: GELU(x) = x P(X ≤ x) = x Φ(x) ≈ 0.5x(1 + tanh[√(2/π)(x + 0.044715x³)]) or x σ(1.702x).",
  apply: (x) => gelu(x),
};
