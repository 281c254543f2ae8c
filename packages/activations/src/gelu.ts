import { type ActivationKernel, defineOp, exp, floatDType, sub, type Tensor } from "@fluxion/core";
import { type ActivationOptions, defineActivation, spec } from "./define-activation.js";
import { type BackwardInputs, defineActivationBackward } from "./internal.js";
import { choiceOption } from "./options.js";
import { CASE_SHAPE } from "./spec.js";
import { swish } from "./swish.js";
import { tanh } from "./tanh.js";

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

/** (g, x) ↦ g ⊙ f'(x) for the erf form of GELU. */
const geluBackward = defineActivationBackward<readonly []>({
  name: "geluBackward",
  kernel: "gelu",
  // f = x Φ(x): f'' = 2φ(x) + x φ'(x) = φ(x)(2 − x²)
  second: (hg, x) => {
    const x2 = x.mul(x);
    return hg.mul(exp(x2.mul(-0.5)).mul(INV_SQRT_2PI)).mul(sub(2, x2));
  },
});

/** (g, x) ↦ g ⊙ f'(x) for the tanh form of GELU. */
const geluTanhBackward = defineActivationBackward<readonly []>({
  name: "geluTanhBackward",
  kernel: "geluTanh",
  // f = ½x(1 + tanh u), u = c(x + kx³): f'' = sech²u (u' − x tanh(u) u'² + 3ckx²)
  second: (hg, x) => {
    const x2 = x.mul(x);
    const u = x.add(x2.mul(x).mul(K)).mul(SQRT_2_OVER_PI);
    const du = x2
      .mul(3 * K)
      .add(1)
      .mul(SQRT_2_OVER_PI);
    const bracket = du.sub(x.mul(tanh(u)).mul(du.mul(du))).add(x2.mul(3 * SQRT_2_OVER_PI * K));
    return tanh.backward([hg, u], []).mul(bracket);
  },
});

/** The kernel and parameters of each form (the sigmoid form is swish with β = 1.702). */
function kernelOf(approximate: GeluApproximation): [ActivationKernel, readonly number[]] {
  if (approximate === "sigmoid") return ["swish", [GELU_SIGMOID_BETA]];
  return [approximate === "tanh" ? "geluTanh" : "gelu", []];
}

const geluOp = defineOp<[Tensor], GeluAttrs>({
  name: "gelu",
  shape: ([x]) => x.shape,
  dtype: floatDType,
  // f, and f' in the same pass when it will be differentiated: backward then multiplies by the
  // saved f' (f and f' share their costly part, e^v or erf; the price is keeping f' until then)
  forward: (be, [x], { approximate }, out) => {
    const [kernel, params] = kernelOf(approximate);
    if (!out.recording) return be.activation(kernel, x.data, params, out.dtype);
    const [output, derivative] = be.activationWithGrad(kernel, x.data, params, out.dtype);
    return { output, saved: [derivative] };
  },
  // a sum's gradient comes unexpanded: one value multiplies the saved derivative as it is
  broadcastGradient: true,
  // exact: Φ(x) + x φ(x); tanh form: ½(1 + tanh u) + ½x sech²(u) u'; sigmoid form: swish's
  vjp: (g, { inputs: [x], attrs, saved: [d] }) => {
    const whole = g.ndim === x.ndim && g.shape.every((n, i) => n === x.shape[i]);
    const gx = whole || (d && g.size === 1) ? g : g.expand(x.shape);
    const inputs: BackwardInputs = d ? [gx, x, d] : [gx, x];
    if (attrs.approximate === "sigmoid") return [swish.backward(inputs, [GELU_SIGMOID_BETA])];
    return [(attrs.approximate === "tanh" ? geluTanhBackward : geluBackward)(inputs, [])];
  },
});

const approximations = ["none", "tanh", "sigmoid"] as const;

/**
 * The Gaussian error linear unit x Φ(x), elementwise, or one of its approximations: 'none'
 * (default) x Φ(x) = ½x(1 + erf(x/√2)), exact to double precision; 'tanh'
 * ½x(1 + tanh(√(2/π)(x + 0.044715x³))); 'sigmoid' x σ(1.702x). Each form is computed (and
 * differentiated) exactly as written, to full precision in the tails.
 *
 * @example
 * gelu(tensor([-1, 0, 1])); // [-0.1587, 0, 0.8413]
 * gelu(x, { approximate: "tanh" });
 */
export const gelu = defineActivation({
  name: "gelu",
  options: {
    approximate: choiceOption("none", approximations, "'none' (erf), 'tanh' or 'sigmoid'"),
  },
  apply: (x, o) => geluOp([x], o),
  about: {
    formula: "x Φ(x) = ½x(1 + erf(x/√2)); ≈ ½x(1 + tanh(√(2/π)(x + 0.044715x³))); ≈ x σ(1.702x)",
    derivative: "Φ(x) + x φ(x) (each approximation: its own exact derivative)",
    range: "≈[−0.17, ∞)",
    monotonic: "no",
    zeroCentred: "near",
    smooth: true,
    boundedBelow: true,
    boundedAbove: false,
    kink: null,
    remark:
      "Contrary to ReLU, GELU weights its inputs by their value instead of thresholding them by their sign: GELU(x) = x P(X ≤ x) = x Φ(x) ≈ 0.5x(1 + tanh[√(2/π)(x + 0.044715x³)]) or x σ(1.702x).",
  },
  layer: "GELU",
  specs: [
    spec(
      "gelu",
      approximations.map((approximate) => ({
        label: `approximate: '${approximate}'`,
        inputs: [{ shape: CASE_SHAPE, min: -4, max: 4 }],
        apply: (x: Tensor): Tensor => gelu(x, { approximate }),
      })),
    ),
    ...[geluBackward, geluTanhBackward].map((op) =>
      spec(op.def.name, [
        {
          label: "default",
          inputs: [
            { shape: CASE_SHAPE, min: -2, max: 2 },
            { shape: CASE_SHAPE, min: -4, max: 4 },
          ],
          apply: (g: Tensor, x: Tensor) => op([g, x], []),
        },
      ]),
    ),
  ],
});

/** Options of {@link gelu}. */
export type GeluOptions = ActivationOptions<typeof gelu>;
