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

// NOTE: Giles' single-precision erfinv ("Approximating the erfinv function", GPU Computing Gems,
// 2011): two polynomials in w = −ln((1 − y)(1 + y)), relative error below 3e-7 on (−1, 1) (measured
// against PyTorch's erfinv: 1.3e-7 evaluated in float64, 2.6e-7 in float32), as accurate as float32
// holds. A float64 graph gets the same float32 accuracy: a Newton step would need erf in float64,
// and ONNX Runtime implements Erf for float32 only.
const ERFINV_CENTRAL = [
  2.81022636e-8, 3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503,
  -0.00417768164, 0.246640727, 1.50140941,
];
const ERFINV_TAIL = [
  -0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
  0.00943887047, 1.00167406, 2.83297682,
];

/** c₀wⁿ + … + cₙ by Horner's rule, as ONNX nodes. */
function horner(ctx: OnnxLoweringContext<unknown>, coefficients: readonly number[], w: string) {
  let p = ctx.scalar(coefficients[0] ?? 0);
  for (const c of coefficients.slice(1))
    p = ctx.node("Add", [ctx.node("Mul", [p, w]), ctx.scalar(c)]);
  return p;
}

function erfinvLowering(ctx: OnnxLoweringContext<unknown>): string {
  const y = x(ctx);
  const one = ctx.scalar(1);
  const w = ctx.node("Neg", [
    ctx.node("Log", [ctx.node("Mul", [ctx.node("Sub", [one, y]), ctx.node("Add", [one, y])])]),
  ]);
  const central = horner(ctx, ERFINV_CENTRAL, ctx.node("Sub", [w, ctx.scalar(2.5)]));
  const tail = horner(ctx, ERFINV_TAIL, ctx.node("Sub", [ctx.node("Sqrt", [w]), ctx.scalar(3)]));
  const p = ctx.node("Where", [ctx.node("Less", [w, ctx.scalar(5)]), central, tail]);
  const r = ctx.node("Mul", [p, y]);
  // ±1 gives ±Infinity (y/0), as Fluxion's; |y| > 1 is already NaN (the log of a negative)
  const edge = ctx.node("Equal", [ctx.node("Abs", [y]), one]);
  return ctx.node("Where", [edge, ctx.node("Div", [y, ctx.scalar(0)]), r]);
}

// atan(y/x), moved by ±π into the left half-plane (+π where y ≥ 0, −π where y < 0) and ±π/2 on
// the y axis (x = 0, where y/x would be ±∞ or NaN; 0 at the origin, as Fluxion's atan2(0, 0)).
// NOTE: as a composition it differs from Fluxion's atan2 only for signed zeros (atan2(−0, −1) is
// π here, −π in IEEE) and where both arguments are infinite (NaN here, a multiple of π/4 in IEEE).
function atan2Lowering(ctx: OnnxLoweringContext<unknown>): string {
  const y = x(ctx);
  const xx = x(ctx, 1);
  const zero = ctx.scalar(0);
  const base = ctx.node("Atan", [ctx.node("Div", [y, xx])]);
  const shift = ctx.node("Where", [
    ctx.node("Less", [y, zero]),
    ctx.scalar(-Math.PI),
    ctx.scalar(Math.PI),
  ]);
  const left = ctx.node("Add", [base, shift]);
  const onAxis = ctx.node("Mul", [ctx.node("Sign", [y]), ctx.scalar(Math.PI / 2)]);
  const offAxis = ctx.node("Where", [ctx.node("Less", [xx, zero]), left, base]);
  return ctx.node("Where", [ctx.node("Equal", [xx, zero]), onAxis, offAxis]);
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
  erfinv: rule(erfinvLowering),
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
  atan2: rule(atan2Lowering),
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
