/** ONNX lowerings of @fluxion/activations' ops: native ONNX ops where they exist. */
import type { OnnxLowering, OnnxLoweringContext } from "../types.js";
import { rule } from "./rule.js";

const GELU_SIGMOID_BETA = 1.702;

/** A native ONNX op on the input cast to the output's float dtype. */
function native(
  opType: string,
  attributes?: (attrs: never) => Record<string, { f: number } | { s: string }>,
): OnnxLowering<unknown> {
  return rule<never>((ctx) =>
    ctx.node(opType, [x(ctx)], attributes ? attributes(ctx.attrs) : undefined),
  );
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
  linear: rule<{ slope: number }>((ctx) =>
    ctx.attrs.slope === 1
      ? ctx.node("Identity", [x(ctx)])
      : ctx.node("Mul", [x(ctx), ctx.scalar(ctx.attrs.slope)]),
  ),
  sigmoid: native("Sigmoid"),
  tanh: native("Tanh"),
  relu: native("Relu"),
  leakyRelu: native("LeakyRelu", (a: { negativeSlope: number }) => ({
    alpha: { f: a.negativeSlope },
  })),
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
  elu: rule<{ alpha: number; scale: number }>((ctx) => {
    const y = ctx.node("Elu", [x(ctx)], { alpha: { f: ctx.attrs.alpha } });
    return ctx.attrs.scale === 1 ? y : ctx.node("Mul", [y, ctx.scalar(ctx.attrs.scale)]);
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
  swish: rule<{ beta: number }>((ctx) => xSigmoid(ctx, ctx.attrs.beta)),
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
  softplus: rule<{ beta: number; threshold: number }>((ctx) => {
    const { beta, threshold } = ctx.attrs;
    const v = x(ctx);
    const bx = beta === 1 ? v : ctx.node("Mul", [v, ctx.scalar(beta)]);
    const sp = ctx.node("Softplus", [bx]);
    const soft = beta === 1 ? sp : ctx.node("Div", [sp, ctx.scalar(beta)]);
    const linear = ctx.node("Greater", [bx, ctx.scalar(threshold)]);
    return ctx.node("Where", [linear, v, soft]);
  }),
  softmax: softmaxLike("Softmax"),
  logSoftmax: softmaxLike("LogSoftmax"),
};
