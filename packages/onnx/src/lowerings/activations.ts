/** ONNX lowerings of @fluxion/activations' ops: native ONNX ops where they exist. */
import type { OnnxLowering, OnnxLoweringContext } from "../types.js";
import { rule } from "./rule.js";

const GELU_SIGMOID_BETA = 1.702;

/** A native ONNX op on the input cast to the output's float dtype. */
function native(
  opType: string,
  attributes?: (attrs: unknown) => Record<string, { f: number } | { s: string }>,
): OnnxLowering<unknown> {
  return rule<unknown>((ctx) =>
    ctx.node(opType, [x(ctx)], attributes ? attributes(ctx.attrs) : undefined),
  );
}

/**
 * A numeric parameter of an activation op: a fused activation's op receives its kernel
 * parameters as an array (`index`), a composed one its options object (`key`).
 */
function param(attrs: unknown, index: number, key: string, fallback: number): number {
  const v = Array.isArray(attrs)
    ? attrs[index]
    : typeof attrs === "object" && attrs !== null
      ? (attrs as Record<string, unknown>)[key]
      : undefined;
  return typeof v === "number" ? v : fallback;
}

function x(ctx: OnnxLoweringContext<unknown>): string {
  return ctx.inputAs(0, ctx.output.dtype);
}

/** x·σ(βx), the form of swish, SiLU (β = 1) and GELU's sigmoid approximation. */
function xSigmoid(ctx: OnnxLoweringContext<unknown>, beta: number): string {
  const v = x(ctx);
  const z = beta === 1 ? v : ctx.node("Mul", [v, ctx.scalar(beta)]);
  return ctx.node("Mul", [v, ctx.node("Sigmoid", [z])]);
}

/** ½x(1 + erf(x/√2)), GELU before opset 20. */
function geluErf(ctx: OnnxLoweringContext<unknown>): string {
  const v = x(ctx);
  const erf = ctx.node("Erf", [ctx.node("Mul", [v, ctx.scalar(Math.SQRT1_2)])]);
  const half = ctx.node("Mul", [v, ctx.scalar(0.5)]);
  return ctx.node("Mul", [half, ctx.node("Add", [erf, ctx.scalar(1)])]);
}

/** ½x(1 + tanh(√(2/π)(x + 0.044715x³))), GELU's tanh form before opset 20. */
function geluTanh(ctx: OnnxLoweringContext<unknown>): string {
  const v = x(ctx);
  const cube = ctx.node("Mul", [ctx.node("Mul", [v, v]), v]);
  const inner = ctx.node("Add", [v, ctx.node("Mul", [cube, ctx.scalar(0.044715)])]);
  const t = ctx.node("Tanh", [ctx.node("Mul", [inner, ctx.scalar(Math.sqrt(2 / Math.PI))])]);
  const half = ctx.node("Mul", [v, ctx.scalar(0.5)]);
  return ctx.node("Mul", [half, ctx.node("Add", [t, ctx.scalar(1)])]);
}

interface SoftmaxAttrs {
  readonly axis: number;
  readonly temperature: number;
}

function softmaxLike(opType: "Softmax" | "LogSoftmax"): OnnxLowering<unknown> {
  return rule<SoftmaxAttrs>((ctx) => {
    const { axis, temperature } = ctx.attrs;
    const v = x(ctx);
    const z = temperature === 1 ? v : ctx.node("Div", [v, ctx.scalar(temperature)]);
    return ctx.node(opType, [z], { axis: { i: axis } });
  });
}

export const activationLowerings: Readonly<Record<string, OnnxLowering<unknown>>> = {
  // 1 if x ≥ 0 else 0, NaN kept
  binaryStep: rule((ctx) => {
    const v = x(ctx);
    const step = ctx.cast(ctx.node("GreaterOrEqual", [v, ctx.scalar(0)]), "bool", ctx.output.dtype);
    return ctx.node("Where", [ctx.node("IsNaN", [v]), v, step]);
  }),
  linear: rule((ctx) => {
    const slope = param(ctx.attrs, 0, "slope", 1);
    return slope === 1
      ? ctx.node("Identity", [x(ctx)])
      : ctx.node("Mul", [x(ctx), ctx.scalar(slope)]);
  }),
  sigmoid: native("Sigmoid"),
  tanh: native("Tanh"),
  relu: native("Relu"),
  leakyRelu: native("LeakyRelu", (a) => ({ alpha: { f: param(a, 0, "negativeSlope", 0.01) } })),
  prelu: rule((ctx) => {
    const v = x(ctx);
    const xs = ctx.input(0).shape;
    let slope = ctx.inputAs(1, ctx.output.dtype);
    const size = ctx.input(1).shape.reduce<number>((n, d) => n * Number(d), 1);
    // one slope per channel (axis 1) must broadcast from the right: [C, 1, …, 1]
    const target = size === 1 ? [1] : [size, ...xs.slice(2).map(() => 1)];
    slope = ctx.node("Reshape", [slope, ctx.int64s(target)]);
    return ctx.node("PRelu", [v, slope]);
  }),
  elu: rule((ctx) => {
    const y = ctx.node("Elu", [x(ctx)], { alpha: { f: param(ctx.attrs, 0, "alpha", 1) } });
    const scale = param(ctx.attrs, 1, "scale", 1);
    return scale === 1 ? y : ctx.node("Mul", [y, ctx.scalar(scale)]);
  }),
  selu: native("Selu", () => ({
    alpha: { f: 1.6732632423543772 },
    gamma: { f: 1.0507009873554805 },
  })),
  gelu: rule<{ approximate: "none" | "tanh" | "sigmoid" }>((ctx) => {
    const { approximate } = ctx.attrs;
    if (approximate === "sigmoid") return xSigmoid(ctx, GELU_SIGMOID_BETA);
    if (ctx.opset >= 20) return ctx.node("Gelu", [x(ctx)], { approximate: { s: approximate } });
    return approximate === "tanh" ? geluTanh(ctx) : geluErf(ctx);
  }),
  swish: rule((ctx) => xSigmoid(ctx, param(ctx.attrs, 0, "beta", 1))),
  silu: rule((ctx) => xSigmoid(ctx, 1)),
  // x·tanh(x)
  lisht: rule((ctx) => {
    const v = x(ctx);
    return ctx.node("Mul", [v, ctx.node("Tanh", [v])]);
  }),
  mish: rule((ctx) => {
    const v = x(ctx);
    if (ctx.opset >= 18) return ctx.node("Mish", [v]);
    return ctx.node("Mul", [v, ctx.node("Tanh", [ctx.node("Softplus", [v])])]);
  }),
  // ln(1 + e^{βx})/β, and x itself where βx > threshold (PyTorch's definition)
  softplus: rule((ctx) => {
    const beta = param(ctx.attrs, 0, "beta", 1);
    const threshold = param(ctx.attrs, 1, "threshold", 20);
    const v = x(ctx);
    const bx = beta === 1 ? v : ctx.node("Mul", [v, ctx.scalar(beta)]);
    const sp = ctx.node("Softplus", [bx]);
    const soft = beta === 1 ? sp : ctx.node("Div", [sp, ctx.scalar(beta)]);
    const linear = ctx.node("Greater", [bx, ctx.scalar(threshold)]);
    return ctx.node("Where", [linear, v, soft]);
  }),
  // x / (1 + |x|)
  softsign: native("Softsign"),
  hardtanh: rule((ctx) =>
    ctx.node("Clip", [
      x(ctx),
      ctx.scalar(param(ctx.attrs, 0, "minVal", -1)),
      ctx.scalar(param(ctx.attrs, 1, "maxVal", 1)),
    ]),
  ),
  // (x + √(x² + b))/2, written b / (2(√(x² + b) − x)) for x < 0 as Fluxion computes it (no cancellation)
  squareplus: rule((ctx) => {
    const v = x(ctx);
    const b = ctx.scalar(param(ctx.attrs, 0, "b", 4));
    const s = ctx.node("Sqrt", [ctx.node("Add", [ctx.node("Mul", [v, v]), b])]);
    const pos = ctx.node("Mul", [ctx.node("Add", [v, s]), ctx.scalar(0.5)]);
    const neg = ctx.node("Div", [b, ctx.node("Mul", [ctx.node("Sub", [s, v]), ctx.scalar(2)])]);
    return ctx.node("Where", [ctx.node("GreaterOrEqual", [v, ctx.scalar(0)]), pos, neg]);
  }),
  softmax: softmaxLike("Softmax"),
  logSoftmax: softmaxLike("LogSoftmax"),
};
