import type { DType, TypedArray } from "../../dtype.js";
import { allocate } from "../../dtype.js";
import { erf, erfc, erfinv } from "../../math/erf.js";
import type { Shape } from "../../shape.js";
import { shapesEqual, sizeOf } from "../../shape.js";
import type { BinaryKernel, UnaryKernel, UpdateKernel } from "../backend.js";
import { broadcastStrides, stridedOffsets } from "./strided.js";

type Fn1 = (x: number) => number;
type Fn2 = (a: number, b: number) => number;

/** Rounds to the nearest integer, ties to the even one (as PyTorch and IEEE 754 roundeven). */
function roundHalfToEven(x: number): number {
  const r = Math.round(x); // ties towards +∞
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export const unaryFns = {
  neg: (x) => -x,
  exp: Math.exp,
  log: Math.log,
  log1p: Math.log1p,
  expm1: Math.expm1,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : Number.NaN),
  reciprocal: (x) => 1 / x,
  square: (x) => x * x,
  isNonFinite: (x) => (Number.isFinite(x) ? 0 : 1),
  copy: (x) => x,
  erf,
  erfc,
  erfinv,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  rsqrt: (x) => 1 / Math.sqrt(x),
  log2: Math.log2,
  log10: Math.log10,
  exp2: (x) => 2 ** x,
  floor: Math.floor,
  ceil: Math.ceil,
  round: roundHalfToEven,
  trunc: Math.trunc,
  isNan: (x) => (x !== x ? 1 : 0),
  isInf: (x) => (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY ? 1 : 0),
  isFinite: (x) => (Number.isFinite(x) ? 1 : 0),
} satisfies { [K in UnaryKernel]: Fn1 };

export const binaryFns = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: Math.pow,
  // NaN in either argument propagates, as in PyTorch's maximum/minimum
  maximum: (a, b) => (a !== a || b !== b ? Number.NaN : a > b ? a : b),
  minimum: (a, b) => (a !== a || b !== b ? Number.NaN : a < b ? a : b),
  eq: (a, b) => (a === b ? 1 : 0),
  ne: (a, b) => (a !== b ? 1 : 0),
  lt: (a, b) => (a < b ? 1 : 0),
  le: (a, b) => (a <= b ? 1 : 0),
  gt: (a, b) => (a > b ? 1 : 0),
  ge: (a, b) => (a >= b ? 1 : 0),
  atan2: Math.atan2,
  hypot: Math.hypot,
  fmod: (a, b) => a % b,
  remainder: (a, b) => {
    const r = a % b;
    return r !== 0 && r < 0 !== b < 0 ? r + b : r;
  },
} satisfies { [K in BinaryKernel]: Fn2 };

export function unary(op: UnaryKernel, x: TypedArray, outDtype: DType): TypedArray {
  const f = unaryFns[op];
  const n = x.length;
  const out = allocate(outDtype, n);
  for (let i = 0; i < n; i++) out[i] = f(x[i] as number);
  return out;
}

export function clamp(x: TypedArray, lo: number, hi: number, outDtype: DType): TypedArray {
  const n = x.length;
  const out = allocate(outDtype, n);
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    out[i] = v < lo ? lo : v > hi ? hi : v;
  }
  return out;
}

export function binary(
  op: BinaryKernel,
  a: TypedArray,
  aShape: Shape,
  b: TypedArray,
  bShape: Shape,
  outShape: Shape,
  outDtype: DType,
): TypedArray {
  const f = binaryFns[op];
  const n = sizeOf(outShape);
  const out = allocate(outDtype, n);
  if (a.length === n && b.length === n && shapesEqual(aShape, bShape)) {
    for (let i = 0; i < n; i++) out[i] = f(a[i] as number, b[i] as number);
  } else if (b.length === 1 && a.length === n) {
    const s = b[0] as number;
    for (let i = 0; i < n; i++) out[i] = f(a[i] as number, s);
  } else if (a.length === 1 && b.length === n) {
    const s = a[0] as number;
    for (let i = 0; i < n; i++) out[i] = f(s, b[i] as number);
  } else {
    const ia = stridedOffsets(outShape, broadcastStrides(aShape, outShape));
    const ib = stridedOffsets(outShape, broadcastStrides(bShape, outShape));
    for (let i = 0; i < n; i++)
      out[i] = f(a[ia[i] as number] as number, b[ib[i] as number] as number);
  }
  return out;
}

export function where(
  cond: TypedArray,
  condShape: Shape,
  a: TypedArray,
  aShape: Shape,
  b: TypedArray,
  bShape: Shape,
  outShape: Shape,
  outDtype: DType,
): TypedArray {
  const n = sizeOf(outShape);
  const out = allocate(outDtype, n);
  const ic = stridedOffsets(outShape, broadcastStrides(condShape, outShape));
  const ia = stridedOffsets(outShape, broadcastStrides(aShape, outShape));
  const ib = stridedOffsets(outShape, broadcastStrides(bShape, outShape));
  for (let i = 0; i < n; i++) {
    out[i] =
      (cond[ic[i] as number] as number) !== 0
        ? (a[ia[i] as number] as number)
        : (b[ib[i] as number] as number);
  }
  return out;
}

export function cast(x: TypedArray, outDtype: DType): TypedArray {
  const out = allocate(outDtype, x.length);
  if (outDtype === "int32") {
    for (let i = 0; i < x.length; i++) out[i] = Math.trunc(x[i] as number);
  } else out.set(x);
  return out;
}

/** y ← y op (alpha·x) in place (see Backend.updateInPlace), rounding as the separate kernels do. */
export function updateInPlace(
  op: UpdateKernel,
  y: TypedArray,
  x: TypedArray | null,
  alpha: number,
): void {
  // NOTE: float32 values are combined in doubles and rounded when stored: for one +, −, × or ÷ of
  // two float32 numbers that gives the correctly rounded float32 result (53 ≥ 2·24 + 2 bits).
  const f32 = y instanceof Float32Array;
  const a = f32 ? Math.fround(alpha) : alpha;
  const n = y.length;
  if (x === null) {
    if (op === "add") for (let i = 0; i < n; i++) y[i] = (y[i] as number) + a;
    else if (op === "sub") for (let i = 0; i < n; i++) y[i] = (y[i] as number) - a;
    else if (op === "mul") for (let i = 0; i < n; i++) y[i] = (y[i] as number) * a;
    else for (let i = 0; i < n; i++) y[i] = (y[i] as number) / a;
    return;
  }
  const round = f32 ? Math.fround : (v: number) => v;
  if (op === "add")
    for (let i = 0; i < n; i++) y[i] = (y[i] as number) + round(a * (x[i] as number));
  else if (op === "sub")
    for (let i = 0; i < n; i++) y[i] = (y[i] as number) - round(a * (x[i] as number));
  else if (op === "mul")
    for (let i = 0; i < n; i++) y[i] = (y[i] as number) * round(a * (x[i] as number));
  else for (let i = 0; i < n; i++) y[i] = (y[i] as number) / round(a * (x[i] as number));
}
