/**
 * Test specs for every op this package registers in core's registry (the activations and their
 * backward ops): how to draw valid inputs and attributes, and whether the op is twice
 * differentiable. The registry-wide property test in the repository's test/ iterates core's
 * `listOps()` and looks each op up here; this package's own gradcheck tests use the same specs.
 */
import { type DType, Generator, type Tensor, tensor } from "@fluxion/core";
import { binaryStep } from "./binaryStep.js";
import { elu, eluBackward } from "./elu.js";
import { GELU_SIGMOID_BETA, gelu, geluBackward } from "./gelu.js";
import { leakyRelu, leakyReluBackward } from "./leakyRelu.js";
import { linear } from "./linear.js";
import { lisht } from "./lisht.js";
import { logSoftmax, logSoftmaxBackward } from "./logSoftmax.js";
import { mish, mishBackward } from "./mish.js";
import { prelu } from "./prelu.js";
import { relu, reluBackward } from "./relu.js";
import { SELU_ALPHA, SELU_SCALE, selu } from "./selu.js";
import { sigmoid, sigmoidBackward } from "./sigmoid.js";
import { silu } from "./silu.js";
import { softmax, softmaxBackward } from "./softmax.js";
import { softplus, softplusBackward } from "./softplus.js";
import { swish, swishBackward } from "./swish.js";
import { tanh, tanhBackward } from "./tanh.js";

/** Where one input's values come from. */
export interface InputDomain {
  readonly shape: readonly number[];
  /** Values are drawn uniformly from [min, max]. */
  readonly min: number;
  readonly max: number;
  /**
   * Kinks (or thresholds) of the op: a drawn value closer than `margin` to one of these is moved
   * `margin` away from it, so central differences with a step of 1e-6 do not straddle it.
   */
  readonly avoid?: readonly number[];
  /** Default 0.05. */
  readonly margin?: number;
}

/** One way to call an op: its inputs' domains and a function applying it (attributes fixed). */
export interface ActivationCase {
  /** What this case covers, e.g. "axis 0" or "approximate: 'tanh'". */
  readonly label: string;
  readonly inputs: readonly InputDomain[];
  /** Applies the op (through its public function where it has one) to tensors drawn as above. */
  readonly apply: (...inputs: Tensor[]) => Tensor;
}

/** The spec of one registered op. */
export interface ActivationSpec {
  /** The op's registry key in core (`getOp(op)`). */
  readonly op: string;
  readonly cases: readonly ActivationCase[];
  /** Whether gradgradcheck applies (the vjp is itself differentiable on the drawn domain). */
  readonly twiceDifferentiable: boolean;
  /**
   * Whether the vjp is the true derivative (so gradcheck applies at all). binaryStep's
   * straight-through case is excluded from the cases for this reason.
   */
  readonly differentiable: boolean;
}

const one = (shape: readonly number[], min = -4, max = 4, avoid?: readonly number[]) =>
  avoid ? { shape, min, max, avoid } : { shape, min, max };
const SHAPE = [2, 3] as const;
const x1 = (avoid?: readonly number[]) => [one(SHAPE, -4, 4, avoid)];
const gx = (avoid?: readonly number[]) => [one(SHAPE, -2, 2), one(SHAPE, -4, 4, avoid)];

function spec(op: string, cases: ActivationCase[], twice = true): ActivationSpec {
  return { op, cases, twiceDifferentiable: twice, differentiable: true };
}

const softmaxCases = (
  f: (x: Tensor, o: { axis: number; temperature?: number }) => Tensor,
): ActivationCase[] => [
  ...[0, 1, 2, -1].map((axis) => ({
    label: `axis ${axis}`,
    inputs: [one([2, 3, 4], -3, 3)],
    apply: (x: Tensor) => f(x, { axis }),
  })),
  {
    label: "axis 1, temperature 0.5",
    inputs: [one([3, 4], -3, 3)],
    apply: (x: Tensor) => f(x, { axis: 1, temperature: 0.5 }),
  },
];

const softmaxBackwardCases = (
  f: (g: Tensor, y: Tensor, axis: number, temperature: number) => Tensor,
): ActivationCase[] =>
  [0, 1, -1].map((axis) => ({
    label: `axis ${axis}${axis === 1 ? ", temperature 2" : ""}`,
    inputs: [one([3, 4], -2, 2), one([3, 4], -2, 0)],
    apply: (g: Tensor, y: Tensor) => f(g, y, axis < 0 ? 1 : axis, axis === 1 ? 2 : 1),
  }));

/**
 * Test specs by registry name, for every op @fluxion/activations registers. argmax is core's op
 * (wrapped here with a default axis) and has no entry.
 */
export const activationSpecs: Readonly<Record<string, ActivationSpec>> = {
  binaryStep: {
    op: "binaryStep",
    cases: [{ label: "default", inputs: x1([0]), apply: (x) => binaryStep(x) }],
    twiceDifferentiable: true,
    differentiable: true,
  },
  linear: spec("linear", [
    { label: "slope 1", inputs: x1(), apply: (x) => linear(x) },
    { label: "slope -0.7", inputs: x1(), apply: (x) => linear(x, { slope: -0.7 }) },
  ]),
  sigmoid: spec("sigmoid", [{ label: "default", inputs: x1(), apply: (x) => sigmoid(x) }]),
  sigmoidBackward: spec("sigmoidBackward", [
    { label: "default", inputs: gx(), apply: (g, x) => sigmoidBackward([g, x], {}) },
  ]),
  tanh: spec("tanh", [{ label: "default", inputs: x1(), apply: (x) => tanh(x) }]),
  tanhBackward: spec("tanhBackward", [
    { label: "default", inputs: gx(), apply: (g, x) => tanhBackward([g, x], {}) },
  ]),
  relu: spec("relu", [{ label: "default", inputs: x1([0]), apply: (x) => relu(x) }]),
  reluBackward: spec("reluBackward", [
    { label: "default", inputs: gx([0]), apply: (g, x) => reluBackward([g, x], {}) },
  ]),
  leakyRelu: spec("leakyRelu", [
    { label: "default slope", inputs: x1([0]), apply: (x) => leakyRelu(x) },
    {
      label: "slope 0.3",
      inputs: x1([0]),
      apply: (x) => leakyRelu(x, { negativeSlope: 0.3 }),
    },
  ]),
  leakyReluBackward: spec("leakyReluBackward", [
    {
      label: "slope 0.3",
      inputs: gx([0]),
      apply: (g, x) => leakyReluBackward([g, x], { negativeSlope: 0.3 }),
    },
  ]),
  prelu: spec("prelu", [
    {
      label: "one slope",
      inputs: [one([2, 3], -4, 4, [0]), one([1], 0.05, 0.5)],
      apply: (x, a) => prelu(x, a),
    },
    {
      label: "one slope per channel (axis 1)",
      inputs: [one([2, 3, 2], -4, 4, [0]), one([3], 0.05, 0.5)],
      apply: (x, a) => prelu(x, a),
    },
  ]),
  elu: spec("elu", [
    { label: "alpha 1", inputs: x1([0]), apply: (x) => elu(x) },
    { label: "alpha 0.5", inputs: x1([0]), apply: (x) => elu(x, { alpha: 0.5 }) },
  ]),
  selu: spec("selu", [{ label: "default", inputs: x1([0]), apply: (x) => selu(x) }]),
  eluBackward: spec("eluBackward", [
    {
      label: "SELU's constants",
      inputs: gx([0]),
      apply: (g, x) => eluBackward([g, x], { alpha: SELU_ALPHA, scale: SELU_SCALE }),
    },
  ]),
  gelu: spec(
    "gelu",
    (["none", "tanh", "sigmoid"] as const).map((approximate) => ({
      label: `approximate: '${approximate}'`,
      inputs: x1(),
      apply: (x: Tensor) => gelu(x, { approximate }),
    })),
  ),
  geluBackward: spec(
    "geluBackward",
    (["none", "tanh"] as const).map((approximate) => ({
      label: `approximate: '${approximate}'`,
      inputs: gx(),
      apply: (g: Tensor, x: Tensor) => geluBackward([g, x], { approximate }),
    })),
  ),
  swish: spec("swish", [
    { label: "beta 1", inputs: x1(), apply: (x) => swish(x) },
    { label: "beta 1.7", inputs: x1(), apply: (x) => swish(x, { beta: 1.7 }) },
    {
      label: "learnable beta (tensor)",
      inputs: [one(SHAPE, -4, 4), one([], 0.5, 2)],
      apply: (x, b) => swish(x, { beta: b }),
    },
  ]),
  swishBackward: spec("swishBackward", [
    {
      label: `beta ${GELU_SIGMOID_BETA}`,
      inputs: gx(),
      apply: (g, x) => swishBackward([g, x], { beta: GELU_SIGMOID_BETA }),
    },
  ]),
  silu: spec("silu", [{ label: "default", inputs: x1(), apply: (x) => silu(x) }]),
  lisht: spec("lisht", [{ label: "default", inputs: x1(), apply: (x) => lisht(x) }]),
  mish: spec("mish", [{ label: "default", inputs: x1(), apply: (x) => mish(x) }]),
  mishBackward: spec("mishBackward", [
    { label: "default", inputs: gx(), apply: (g, x) => mishBackward([g, x], {}) },
  ]),
  softplus: spec("softplus", [
    { label: "default", inputs: x1(), apply: (x) => softplus(x) },
    {
      label: "beta 2, threshold 3 (linear part drawn too)",
      inputs: x1([1.5]),
      apply: (x) => softplus(x, { beta: 2, threshold: 3 }),
    },
  ]),
  softplusBackward: spec("softplusBackward", [
    {
      label: "beta 2, threshold 3",
      inputs: gx([1.5]),
      apply: (g, x) => softplusBackward([g, x], { beta: 2, threshold: 3 }),
    },
  ]),
  softmax: spec(
    "softmax",
    softmaxCases((x, o) => softmax(x, o)),
  ),
  softmaxBackward: spec(
    "softmaxBackward",
    softmaxBackwardCases((g, y, axis, temperature) =>
      softmaxBackward([g, y], { axis, temperature }),
    ),
  ),
  logSoftmax: spec(
    "logSoftmax",
    softmaxCases((x, o) => logSoftmax(x, o)),
  ),
  logSoftmaxBackward: spec(
    "logSoftmaxBackward",
    softmaxBackwardCases((g, y, axis, temperature) =>
      logSoftmaxBackward([g, y], { axis, temperature }),
    ),
  ),
};

/**
 * Draws a case's inputs (float64 by default) from their domains with a seeded generator.
 *
 * @example
 * const c = activationSpecs.gelu.cases[0];
 * gradcheck(c.apply, drawCase(c, 42));
 */
export function drawCase(c: ActivationCase, seed: number, dtype: DType = "float64"): Tensor[] {
  const rng = new Generator(seed);
  return c.inputs.map((d) => {
    const size = d.shape.reduce((a, b) => a * b, 1);
    const margin = d.margin ?? 0.05;
    const values = Array.from({ length: size }, () => {
      let v = d.min + (d.max - d.min) * rng.uniform();
      for (const p of d.avoid ?? []) {
        if (Math.abs(v - p) < margin) v = v < p ? p - margin : p + margin;
      }
      return v;
    });
    return tensor(Float64Array.from(values), { shape: d.shape, dtype });
  });
}
