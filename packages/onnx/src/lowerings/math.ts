/** ONNX lowerings of @fluxion/core's elementwise math ops (sin … xlogy). */
import type { OnnxLowering, OnnxLoweringContext } from "../types.js";
import { elementwise, rule } from "./rule.js";

/** Input i cast to the output's dtype. */
const x = (ctx: OnnxLoweringContext<unknown>, i = 0): string => ctx.inputAs(i, ctx.output.dtype);

/** A 0/1 test: ONNX's bool result as int32, as Fluxion's comparisons. */
function test(opType: "IsNaN" | "IsInf"): OnnxLowering<unknown> {
  return rule((ctx) => ctx.cast(ctx.node(opType, [ctx.input(0).name]), "bool", "int32"));
}

/** log_b x as ln x / ln b. */
function logBase(base: number): OnnxLowering<unknown> {
  return rule((ctx) => ctx.node("Div", [ctx.node("Log", [x(ctx)]), ctx.scalar(Math.log(base))]));
}

export const mathLowerings: Readonly<Record<string, OnnxLowering<unknown>>> = {
  sin: elementwise("Sin"),
  cos: elementwise("Cos"),
  tan: elementwise("Tan"),
  asin: elementwise("Asin"),
  acos: elementwise("Acos"),
  atan: elementwise("Atan"),
  sinh: elementwise("Sinh"),
  cosh: elementwise("Cosh"),
  asinh: elementwise("Asinh"),
  acosh: elementwise("Acosh"),
  atanh: elementwise("Atanh"),
  reciprocal: elementwise("Reciprocal"),
  erf: elementwise("Erf"),
  floor: elementwise("Floor"),
  ceil: elementwise("Ceil"),
  // ONNX's Round takes halves to even, as Fluxion's
  round: elementwise("Round"),
  // sign(x)·floor(|x|)
  trunc: rule((ctx) =>
    ctx.node("Mul", [ctx.node("Sign", [x(ctx)]), ctx.node("Floor", [ctx.node("Abs", [x(ctx)])])]),
  ),
  square: rule((ctx) => ctx.node("Mul", [x(ctx), x(ctx)])),
  rsqrt: rule((ctx) => ctx.node("Reciprocal", [ctx.node("Sqrt", [x(ctx)])])),
  // 1 − erf x: loses the relative accuracy of Fluxion's erfc where erf x is near 1
  erfc: rule((ctx) => ctx.node("Sub", [ctx.scalar(1), ctx.node("Erf", [x(ctx)])])),
  erfinv: rule((ctx) => ctx.fail("ONNX has no erfinv operator")),
  log2: logBase(2),
  log10: logBase(10),
  exp2: rule((ctx) => ctx.node("Pow", [ctx.scalar(2), x(ctx)])),
  isnan: test("IsNaN"),
  isinf: test("IsInf"),
  isfinite: rule((ctx) => {
    const bad = ctx.node("Or", [
      ctx.node("IsNaN", [ctx.input(0).name]),
      ctx.node("IsInf", [ctx.input(0).name]),
    ]);
    return ctx.cast(ctx.node("Not", [bad]), "bool", "int32");
  }),
  atan2: rule((ctx) => ctx.fail("ONNX has no atan2 operator")),
  hypot: rule((ctx) =>
    ctx.node("Sqrt", [
      ctx.node("Add", [ctx.node("Mul", [x(ctx), x(ctx)]), ctx.node("Mul", [x(ctx, 1), x(ctx, 1)])]),
    ]),
  ),
  fmod: rule((ctx) => ctx.node("Mod", [x(ctx), x(ctx, 1)], { fmod: { i: 1 } })),
  // a − floor(a/b)·b (ONNX's integer Mod with fmod = 0 is for integers only)
  remainder: rule((ctx) => {
    const a = x(ctx);
    const b = x(ctx, 1);
    if (ctx.output.dtype === "int32") return ctx.node("Mod", [a, b], { fmod: { i: 0 } });
    const q = ctx.node("Floor", [ctx.node("Div", [a, b])]);
    return ctx.node("Sub", [a, ctx.node("Mul", [q, b])]);
  }),
  // max(a, b) + ln(1 + e^(−|a − b|))
  logaddexp: rule((ctx) => {
    const a = x(ctx);
    const b = x(ctx, 1);
    const d = ctx.node("Neg", [ctx.node("Abs", [ctx.node("Sub", [a, b])])]);
    const l = ctx.node("Log", [ctx.node("Add", [ctx.scalar(1), ctx.node("Exp", [d])])]);
    return ctx.node("Add", [ctx.node("Max", [a, b]), l]);
  }),
  // x·ln y, 0 where x = 0
  xlogy: rule((ctx) => {
    const a = x(ctx);
    const zero = ctx.node("Equal", [a, ctx.scalar(0)]);
    return ctx.node("Where", [
      zero,
      ctx.scalar(0),
      ctx.node("Mul", [a, ctx.node("Log", [x(ctx, 1)])]),
    ]);
  }),
};
