// The methods of Tensor (`x.add(y)`, `x.sum()`, `loss.backward()`), as one table installed on
// Tensor.prototype when this module runs. The package entry (index.ts) imports it, and
// package.json lists it under `sideEffects`, so in Node and in every bundler the methods exist
// exactly when the types below do: both come with `@fluxion/core`.
//
// Tensor itself imports no op: ops import Tensor, this module imports the ops, and nothing imports
// this module but the entries. Core's own code (vjp rules, the backward walk) calls ops through
// these methods, which keeps op modules from importing each other in cycles (sum's rule expands,
// expand's rule sums).
import { type BackwardOptions, backward as runBackward } from "./autodiff/engine.js";
import { isGradEnabled, noGrad } from "./autodiff/grad-mode.js";
import type { DType } from "./dtype.js";
import { ArgumentError, DTypeError, GraphError, ShapeError } from "./errors.js";
import { isInt32Value } from "./ops/convert.js";
import {
  abs,
  acos,
  acosh,
  add,
  amax,
  amin,
  argmax,
  argmin,
  argsort,
  asin,
  asinh,
  asTensor,
  atan,
  atan2,
  atanh,
  bmm,
  cast,
  ceil,
  chunk,
  clamp,
  clone,
  cos,
  cosh,
  cumprod,
  cumsum,
  diagonal,
  div,
  dot,
  eq,
  erf,
  erfc,
  erfinv,
  exp,
  exp2,
  expand,
  expm1,
  flatten,
  flip,
  floor,
  fmod,
  frac,
  gather,
  ge,
  gt,
  hypot,
  indexSelect,
  isfinite,
  isinf,
  isnan,
  type LogitOptions,
  le,
  lerp,
  log,
  log1p,
  log2,
  log10,
  logaddexp,
  logit,
  logSumExp,
  lt,
  type MatmulOptions,
  maskedFill,
  matmul,
  max,
  maxDim,
  maximum,
  mean,
  min,
  minDim,
  minimum,
  mul,
  type NanToNumOptions,
  type NormOrder,
  nanToNum,
  ne,
  neg,
  norm,
  outer,
  permute,
  pow,
  prod,
  reciprocal,
  remainder,
  repeat,
  reshape,
  roll,
  round,
  rsqrt,
  type SliceRange,
  scatter,
  scatterAdd,
  sign,
  sin,
  sinh,
  slice,
  sort,
  split,
  sqrt,
  square,
  squeeze,
  std,
  sub,
  sum,
  tan,
  tile,
  topk,
  trace,
  transpose,
  tril,
  triu,
  trunc,
  unbind,
  unsqueeze,
  type ValuesIndices,
  type VarOptions,
  variance,
  where,
  xlogy,
} from "./ops/index.js";
import { describeValue, formatShape, shapesEqual } from "./shape.js";
import { Tensor, type TensorLike } from "./tensor/tensor.js";

type Axes = number | readonly number[];

/**
 * The methods every Tensor has (installed by `@fluxion/core`'s entry). Each is the function of the
 * same name with the tensor as its first argument: see that function for details.
 */
export interface TensorMethods {
  /**
   * Computes gradients of this tensor with respect to every leaf that requires grad and adds them
   * to their `.grad`. A non-scalar tensor needs an explicit `gradient` of its shape.
   *
   * @example
   * const x = tensor([1, 2, 3], { requiresGrad: true });
   * x.pow(2).sum().backward();
   * x.grad?.toArray(); // [2, 4, 6]
   */
  backward(gradient?: TensorLike, options?: BackwardOptions): void;

  /**
   * Copies `src` (broadcast to this shape) into this tensor, in place.
   *
   * @example
   * noGrad(() => w.copy_(savedW));
   */
  copy_(src: TensorLike): this;
  /**
   * In place: this + other·alpha.
   *
   * @example
   * noGrad(() => w.add_(w.grad, -0.1));
   */
  add_(other: TensorLike, alpha?: number): this;
  /**
   * In place: this − other·alpha.
   *
   * @example
   * noGrad(() => w.sub_(w.grad, 0.1));
   */
  sub_(other: TensorLike, alpha?: number): this;
  /**
   * In place: this · other.
   *
   * @example
   * noGrad(() => w.mul_(0.5));
   */
  mul_(other: TensorLike): this;
  /**
   * In place: this / other.
   *
   * @example
   * noGrad(() => w.div_(2));
   */
  div_(other: TensorLike): this;
  /**
   * In place: every element set to `value`.
   *
   * @example
   * zeros([2]).fill_(3); // [3, 3]
   */
  fill_(value: number): this;
  /**
   * In place: every element set to 0.
   *
   * @example
   * ones([2]).zero_(); // [0, 0]
   */
  zero_(): this;

  /**
   * This tensor converted to `dtype` (the same tensor when it already has it). Differentiable
   * between float dtypes.
   *
   * @example
   * x.to("float64");
   */
  to(dtype: DType): Tensor;
  /** `to("float32")`. @example x.float() */
  float(): Tensor;
  /** `to("float64")`. @example x.double() */
  double(): Tensor;
  /** `to("int32")` (truncates towards zero). @example x.int() */
  int(): Tensor;

  /** {@link add}: this + other. @example x.add(1) */
  add(other: TensorLike): Tensor;
  /** {@link sub}: this − other. @example x.sub(1) */
  sub(other: TensorLike): Tensor;
  /** {@link mul}: this · other. @example x.mul(2) */
  mul(other: TensorLike): Tensor;
  /** {@link div}: this / other. @example x.div(2) */
  div(other: TensorLike): Tensor;
  /** {@link pow}: this raised to `exponent`. @example x.pow(2) */
  pow(exponent: TensorLike): Tensor;
  /** {@link neg}: −this. @example x.neg() */
  neg(): Tensor;
  /** {@link clone}: a copy that stays in the graph. @example x.clone() */
  clone(): Tensor;
  /** {@link exp}: eˣ. @example x.exp() */
  exp(): Tensor;
  /** {@link log}: natural logarithm. @example x.log() */
  log(): Tensor;
  /** {@link log1p}: log(1 + x). @example x.log1p() */
  log1p(): Tensor;
  /** {@link expm1}: eˣ − 1. @example x.expm1() */
  expm1(): Tensor;
  /** {@link sin}: sine. @example x.sin() */
  sin(): Tensor;
  /** {@link cos}: cosine. @example x.cos() */
  cos(): Tensor;
  /** {@link tan}: tangent. @example x.tan() */
  tan(): Tensor;
  /** {@link sinh}: hyperbolic sine. @example x.sinh() */
  sinh(): Tensor;
  /** {@link cosh}: hyperbolic cosine. @example x.cosh() */
  cosh(): Tensor;
  /** {@link atan}: inverse tangent. @example x.atan() */
  atan(): Tensor;
  /** {@link asin}: inverse sine. @example x.asin() */
  asin(): Tensor;
  /** {@link acos}: inverse cosine. @example x.acos() */
  acos(): Tensor;
  /** {@link asinh}: inverse hyperbolic sine. @example x.asinh() */
  asinh(): Tensor;
  /** {@link acosh}: inverse hyperbolic cosine. @example x.acosh() */
  acosh(): Tensor;
  /** {@link atanh}: inverse hyperbolic tangent. @example x.atanh() */
  atanh(): Tensor;
  /** {@link reciprocal}: 1/x. @example x.reciprocal() */
  reciprocal(): Tensor;
  /** {@link rsqrt}: 1/√x. @example x.rsqrt() */
  rsqrt(): Tensor;
  /** {@link square}: x². @example x.square() */
  square(): Tensor;
  /** {@link erf}: error function. @example x.erf() */
  erf(): Tensor;
  /** {@link erfc}: complementary error function. @example x.erfc() */
  erfc(): Tensor;
  /** {@link erfinv}: inverse error function. @example x.erfinv() */
  erfinv(): Tensor;
  /** {@link log2}: base-2 logarithm. @example x.log2() */
  log2(): Tensor;
  /** {@link log10}: base-10 logarithm. @example x.log10() */
  log10(): Tensor;
  /** {@link exp2}: 2ˣ. @example x.exp2() */
  exp2(): Tensor;
  /** {@link floor}: rounded down. @example x.floor() */
  floor(): Tensor;
  /** {@link ceil}: rounded up. @example x.ceil() */
  ceil(): Tensor;
  /** {@link round}: rounded half to even. @example x.round() */
  round(): Tensor;
  /** {@link trunc}: rounded towards zero. @example x.trunc() */
  trunc(): Tensor;
  /** {@link frac}: x − trunc(x). @example x.frac() */
  frac(): Tensor;
  /** {@link isnan}: 1 where NaN. @example x.isnan() */
  isnan(): Tensor;
  /** {@link isinf}: 1 where ±Infinity. @example x.isinf() */
  isinf(): Tensor;
  /** {@link isfinite}: 1 where finite. @example x.isfinite() */
  isfinite(): Tensor;
  /** {@link atan2}: atan2(this, other): the angle of (other, this). @example x.atan2(y) */
  atan2(other: TensorLike): Tensor;
  /** {@link hypot}: √(this² + other²). @example x.hypot(y) */
  hypot(other: TensorLike): Tensor;
  /** {@link logaddexp}: log(eˣ + eᵒᵗʰᵉʳ). @example x.logaddexp(y) */
  logaddexp(other: TensorLike): Tensor;
  /** {@link xlogy}: this · log(other), 0 where this = 0. @example x.xlogy(y) */
  xlogy(other: TensorLike): Tensor;
  /** {@link fmod}: C-style remainder (sign of this). @example x.fmod(y) */
  fmod(other: TensorLike): Tensor;
  /** {@link remainder}: Python-style remainder (sign of other). @example x.remainder(y) */
  remainder(other: TensorLike): Tensor;
  /** {@link lerp}: this + weight·(end − this). @example x.lerp(y, 0.5) */
  lerp(end: TensorLike, weight: TensorLike): Tensor;
  /** {@link logit}: log(x / (1 − x)). @example x.logit({ eps: 1e-6 }) */
  logit(options?: LogitOptions): Tensor;
  /** {@link nanToNum}: NaN and ±Infinity replaced. @example x.nanToNum({ nan: 0 }) */
  nanToNum(options?: NanToNumOptions): Tensor;
  /** {@link sqrt}: √x. @example x.sqrt() */
  sqrt(): Tensor;
  /** {@link abs}: |x|. @example x.abs() */
  abs(): Tensor;
  /** {@link sign}: −1, 0 or 1. @example x.sign() */
  sign(): Tensor;
  /** {@link clamp}: values limited to [min, max]. @example x.clamp(0, 1) */
  clamp(min?: number, max?: number): Tensor;
  /** {@link maximum}: elementwise larger of this and other. @example x.maximum(0) */
  maximum(other: TensorLike): Tensor;
  /** {@link minimum}: elementwise smaller of this and other. @example x.minimum(0) */
  minimum(other: TensorLike): Tensor;
  /** {@link eq}: this == other, as int32 0/1. @example x.eq(0) */
  eq(other: TensorLike): Tensor;
  /** {@link ne}: this != other, as int32 0/1. @example x.ne(0) */
  ne(other: TensorLike): Tensor;
  /** {@link lt}: this < other, as int32 0/1. @example x.lt(0) */
  lt(other: TensorLike): Tensor;
  /** {@link le}: this ≤ other, as int32 0/1. @example x.le(0) */
  le(other: TensorLike): Tensor;
  /** {@link gt}: this > other, as int32 0/1. @example x.gt(0) */
  gt(other: TensorLike): Tensor;
  /** {@link ge}: this ≥ other, as int32 0/1. @example x.ge(0) */
  ge(other: TensorLike): Tensor;
  /** {@link sum} over `axes` (all when omitted). @example x.sum(1, true) */
  sum(axes?: Axes, keepDims?: boolean): Tensor;
  /** {@link mean} over `axes` (all when omitted). @example x.mean(0) */
  mean(axes?: Axes, keepDims?: boolean): Tensor;
  /** {@link max} over `axes` (all when omitted). @example x.max(-1) */
  max(axes?: Axes, keepDims?: boolean): Tensor;
  /** {@link min} over `axes` (all when omitted). @example x.min(-1) */
  min(axes?: Axes, keepDims?: boolean): Tensor;
  /** {@link logSumExp} over `axes` (all when omitted). @example x.logSumExp(-1) */
  logSumExp(axes?: Axes, keepDims?: boolean): Tensor;
  /** {@link variance} over `axes` (all when omitted). @example x.var(0, { correction: 0 }) */
  var(axes?: Axes, options?: VarOptions): Tensor;
  /** {@link std} over `axes` (all when omitted). @example x.std(0) */
  std(axes?: Axes, options?: VarOptions): Tensor;
  /** {@link argmax}: index of the largest value (flattened when `axis` is omitted). @example x.argmax(1) */
  argmax(axis?: number, keepDims?: boolean): Tensor;
  /** {@link argmin}: index of the smallest value (flattened when `axis` is omitted). @example x.argmin(1) */
  argmin(axis?: number, keepDims?: boolean): Tensor;
  /** {@link amax}: the largest value over `axes` (ties share the gradient). @example x.amax([0, 1]) */
  amax(axes?: Axes, keepDims?: boolean): Tensor;
  /** {@link amin}: the smallest value over `axes` (ties share the gradient). @example x.amin(-1) */
  amin(axes?: Axes, keepDims?: boolean): Tensor;
  /** {@link maxDim}: the largest value along `axis` and its index. @example const { values, indices } = x.maxDim(1) */
  maxDim(axis: number, keepDims?: boolean): ValuesIndices;
  /** {@link minDim}: the smallest value along `axis` and its index. @example const { values, indices } = x.minDim(1) */
  minDim(axis: number, keepDims?: boolean): ValuesIndices;
  /** {@link prod}: the product over `axes` (all when omitted). @example x.prod(1) */
  prod(axes?: Axes, keepDims?: boolean): Tensor;
  /** {@link cumsum}: the cumulative sum along `axis`. @example x.cumsum(-1) */
  cumsum(axis: number): Tensor;
  /** {@link cumprod}: the cumulative product along `axis`. @example x.cumprod(0) */
  cumprod(axis: number): Tensor;
  /** {@link norm}: the p-norm over `axes` (the 2-norm of everything by default). @example x.norm(2, -1) */
  norm(p?: NormOrder, axes?: Axes, keepDims?: boolean): Tensor;
  /** {@link sort}: sorted along `axis`, with the indices. @example const { values, indices } = x.sort(-1, true) */
  sort(axis?: number, descending?: boolean): ValuesIndices;
  /** {@link argsort}: the indices that sort along `axis`. @example x.argsort(-1) */
  argsort(axis?: number, descending?: boolean): Tensor;
  /** {@link topk}: the k largest (or smallest) along `axis`, with the indices. @example x.topk(3).values */
  topk(k: number, axis?: number, largest?: boolean, sorted?: boolean): ValuesIndices;
  /** {@link matmul}: matrix product. @example x.matmul(w, { transposeB: true }) */
  matmul(other: TensorLike, options?: MatmulOptions): Tensor;
  /** {@link bmm}: batched matrix product of 3-D tensors. @example x.bmm(y) // [b, n, m]·[b, m, p] */
  bmm(mat2: TensorLike): Tensor;
  /** {@link dot}: inner product of two 1-D tensors, 0-d. @example x.dot(y) */
  dot(other: TensorLike): Tensor;
  /** {@link outer}: outer product of two 1-D tensors. @example x.outer(y) // [n, m] */
  outer(vec2: TensorLike): Tensor;
  /** {@link diagonal}: a diagonal, as the last axis. @example x.diagonal(0, -2, -1) */
  diagonal(offset?: number, dim1?: number, dim2?: number): Tensor;
  /** {@link trace}: sum of a matrix's main diagonal, 0-d. @example x.trace() */
  trace(): Tensor;
  /** {@link reshape}: the same values in a new shape. @example x.reshape([2, -1]) */
  reshape(shape: readonly number[]): Tensor;
  /** Alias of `reshape` (tensors here are always contiguous). @example x.view([-1]) */
  view(shape: readonly number[]): Tensor;
  /** {@link flatten}: axes `startAxis..endAxis` merged into one. @example x.flatten(1) */
  flatten(startAxis?: number, endAxis?: number): Tensor;
  /** {@link transpose}: two axes swapped (the last two by default). @example x.transpose() */
  transpose(axis0?: number, axis1?: number): Tensor;
  /** {@link permute}: axes reordered. @example x.permute([2, 0, 1]) */
  permute(perm: readonly number[]): Tensor;
  /** {@link expand}: broadcast to `shape`. @example x.expand([4, 3]) */
  expand(shape: readonly number[]): Tensor;
  /** {@link squeeze}: size-1 axes removed. @example x.squeeze(-1) */
  squeeze(axes?: Axes): Tensor;
  /** {@link unsqueeze}: a size-1 axis inserted. @example x.unsqueeze(0) */
  unsqueeze(axis: number): Tensor;
  /** {@link slice}: a strided sub-tensor. @example x.slice([[0, 2]]) */
  slice(ranges: readonly SliceRange[]): Tensor;
  /** {@link gather}: values picked along `axis` by `index`. @example x.gather(1, index) */
  gather(axis: number, index: Tensor): Tensor;
  /** {@link indexSelect}: whole slices picked along `axis`. @example x.indexSelect(0, rows) */
  indexSelect(axis: number, index: Tensor): Tensor;
  /** {@link where}: this where `condition` is nonzero, else `other`. @example x.where(x.gt(0), 0) */
  where(condition: TensorLike, other: TensorLike): Tensor;
  /** {@link maskedFill}: `value` where `mask` is set. @example x.maskedFill(x.lt(0), 0) */
  maskedFill(mask: TensorLike, value: TensorLike): Tensor;
  /** {@link tril}: lower triangle of the last two axes. @example x.tril(-1) */
  tril(diagonal?: number): Tensor;
  /** {@link triu}: upper triangle of the last two axes. @example x.triu(1) */
  triu(diagonal?: number): Tensor;
  /** {@link flip}: entries reversed along `dims`. @example x.flip([0]) */
  flip(dims: number | readonly number[]): Tensor;
  /** {@link roll}: entries shifted cyclically (flattened without `dims`). @example x.roll(1, 0) */
  roll(shifts: number | readonly number[], dims?: number | readonly number[]): Tensor;
  /** {@link split}: pieces of one size, or of the listed sizes, along `dim`. @example x.split(2, 1) */
  split(splitSizeOrSections: number | readonly number[], dim?: number): Tensor[];
  /** {@link chunk}: `chunks` pieces of equal size (possibly fewer) along `dim`. @example x.chunk(3) */
  chunk(chunks: number, dim?: number): Tensor[];
  /** {@link unbind}: the slices along `dim`, that axis removed. @example x.unbind(0) */
  unbind(dim?: number): Tensor[];
  /** {@link repeat}: tiled along each axis (PyTorch's `x.repeat`). @example x.repeat([2, 1]) */
  repeat(reps: number | readonly number[]): Tensor;
  /** {@link tile}: tiled, counts padded with leading 1s. @example x.tile([2]) */
  tile(reps: number | readonly number[]): Tensor;
  /** {@link scatter}: `src` written at `index` along `axis`. @example x.scatter(1, index, src) */
  scatter(axis: number, index: Tensor, src: TensorLike): Tensor;
  /** {@link scatterAdd}: `src` added at `index` along `axis`. @example x.scatterAdd(0, index, src) */
  scatterAdd(axis: number, index: Tensor, src: TensorLike): Tensor;
  /**
   * Transpose of a matrix (rank ≤ 2), like PyTorch's `.T` for matrices.
   *
   * @example
   * w.T.shape; // [out, in] for w of shape [in, out]
   */
  readonly T: Tensor;
}

/** Every method of TensorMethods with `this` bound to a Tensor: the compiler checks none is missing. */
type MethodTable = {
  [K in Exclude<keyof TensorMethods, "T">]: (
    this: Tensor,
    ...args: Parameters<TensorMethods[K]>
  ) => ReturnType<TensorMethods[K]>;
};

/** Writes `values` (already checked to be a result of this tensor's ops) into its storage. */
function writeInPlace<T extends Tensor>(t: T, op: string, values: Tensor, cast = false): T {
  if (t._requiresGrad && isGradEnabled()) {
    throw new GraphError(
      `${op}: a tensor that requires grad cannot be modified in place while grad is recorded; wrap the update in noGrad(() => …)`,
    );
  }
  if (!shapesEqual(values.shape, t.shape)) {
    throw new ShapeError(
      `${op}: the result has shape ${formatShape(values.shape)} but this tensor has shape ${formatShape(t.shape)}`,
    );
  }
  if (!cast && t.dtype === "int32" && values.dtype !== "int32") {
    throw new DTypeError(
      `${op}: the result has dtype ${values.dtype}, which cannot be stored in this int32 tensor (shape ${formatShape(t.shape)}) in place; use the out-of-place ${op.slice(0, -1)} or convert first with .to("${values.dtype}")`,
    );
  }
  const data = t._storage.data;
  const src = values._data;
  if (t.dtype === "int32") for (let i = 0; i < data.length; i++) data[i] = Math.trunc(src[i] ?? 0);
  else data.set(src);
  t._storage.version++;
  return t;
}

const methods: MethodTable = {
  backward(gradient, options = {}) {
    runBackward([this], [gradient], options);
  },
  copy_(src) {
    const s = asTensor(src, this.dtype, "copy_");
    const lead = this.ndim - s.ndim;
    if (lead < 0 || s.shape.some((d, i) => d !== 1 && d !== this.shape[lead + i])) {
      throw new ShapeError(
        `copy_: src of shape ${formatShape(s.shape)} does not broadcast to this tensor's shape ${formatShape(this.shape)}`,
      );
    }
    // copy_ converts like PyTorch's (float into int32 truncates towards zero)
    return writeInPlace(
      this,
      "copy_",
      noGrad(() => expand(s, this.shape)),
      true,
    );
  },
  add_(other, alpha = 1) {
    return writeInPlace(
      this,
      "add_",
      noGrad(() => add(this, alpha === 1 ? other : mul(other, alpha))),
    );
  },
  sub_(other, alpha = 1) {
    return writeInPlace(
      this,
      "sub_",
      noGrad(() => sub(this, alpha === 1 ? other : mul(other, alpha))),
    );
  },
  mul_(other) {
    return writeInPlace(
      this,
      "mul_",
      noGrad(() => mul(this, other)),
    );
  },
  div_(other) {
    return writeInPlace(
      this,
      "div_",
      noGrad(() => div(this, other)),
    );
  },
  fill_(value) {
    if (typeof value !== "number") {
      throw new ArgumentError(`fill_: value must be a number, got ${describeValue(value)}`);
    }
    if (this.dtype === "int32" && !isInt32Value(value)) {
      throw new DTypeError(
        `fill_: value ${value} is not a 32-bit integer, so it cannot be stored in this int32 tensor`,
      );
    }
    if (this._requiresGrad && isGradEnabled()) {
      throw new GraphError(
        "fill_: a tensor that requires grad cannot be modified in place while grad is recorded",
      );
    }
    this._storage.data.fill(value);
    this._storage.version++;
    return this;
  },
  zero_() {
    return this.fill_(0);
  },
  to(dtype) {
    return cast(this, dtype);
  },
  float() {
    return cast(this, "float32");
  },
  double() {
    return cast(this, "float64");
  },
  int() {
    return cast(this, "int32");
  },
  add(other) {
    return add(this, other);
  },
  sub(other) {
    return sub(this, other);
  },
  mul(other) {
    return mul(this, other);
  },
  div(other) {
    return div(this, other);
  },
  pow(exponent) {
    return pow(this, exponent);
  },
  neg() {
    return neg(this);
  },
  clone() {
    return clone(this);
  },
  exp() {
    return exp(this);
  },
  log() {
    return log(this);
  },
  log1p() {
    return log1p(this);
  },
  expm1() {
    return expm1(this);
  },
  sin() {
    return sin(this);
  },
  cos() {
    return cos(this);
  },
  tan() {
    return tan(this);
  },
  sinh() {
    return sinh(this);
  },
  cosh() {
    return cosh(this);
  },
  atan() {
    return atan(this);
  },
  asin() {
    return asin(this);
  },
  acos() {
    return acos(this);
  },
  asinh() {
    return asinh(this);
  },
  acosh() {
    return acosh(this);
  },
  atanh() {
    return atanh(this);
  },
  reciprocal() {
    return reciprocal(this);
  },
  rsqrt() {
    return rsqrt(this);
  },
  square() {
    return square(this);
  },
  erf() {
    return erf(this);
  },
  erfc() {
    return erfc(this);
  },
  erfinv() {
    return erfinv(this);
  },
  log2() {
    return log2(this);
  },
  log10() {
    return log10(this);
  },
  exp2() {
    return exp2(this);
  },
  floor() {
    return floor(this);
  },
  ceil() {
    return ceil(this);
  },
  round() {
    return round(this);
  },
  trunc() {
    return trunc(this);
  },
  frac() {
    return frac(this);
  },
  isnan() {
    return isnan(this);
  },
  isinf() {
    return isinf(this);
  },
  isfinite() {
    return isfinite(this);
  },
  atan2(other) {
    return atan2(this, other);
  },
  hypot(other) {
    return hypot(this, other);
  },
  logaddexp(other) {
    return logaddexp(this, other);
  },
  xlogy(other) {
    return xlogy(this, other);
  },
  fmod(other) {
    return fmod(this, other);
  },
  remainder(other) {
    return remainder(this, other);
  },
  lerp(end, weight) {
    return lerp(this, end, weight);
  },
  logit(options) {
    return logit(this, options);
  },
  nanToNum(options) {
    return nanToNum(this, options);
  },
  sqrt() {
    return sqrt(this);
  },
  abs() {
    return abs(this);
  },
  sign() {
    return sign(this);
  },
  clamp(lo, hi) {
    return clamp(this, lo, hi);
  },
  maximum(other) {
    return maximum(this, other);
  },
  minimum(other) {
    return minimum(this, other);
  },
  eq(other) {
    return eq(this, other);
  },
  ne(other) {
    return ne(this, other);
  },
  lt(other) {
    return lt(this, other);
  },
  le(other) {
    return le(this, other);
  },
  gt(other) {
    return gt(this, other);
  },
  ge(other) {
    return ge(this, other);
  },
  sum(axes, keepDims = false) {
    return sum(this, axes, keepDims);
  },
  mean(axes, keepDims = false) {
    return mean(this, axes, keepDims);
  },
  max(axes, keepDims = false) {
    return max(this, axes, keepDims);
  },
  min(axes, keepDims = false) {
    return min(this, axes, keepDims);
  },
  logSumExp(axes, keepDims = false) {
    return logSumExp(this, axes, keepDims);
  },
  var(axes, options) {
    return variance(this, axes, options);
  },
  std(axes, options) {
    return std(this, axes, options);
  },
  argmax(axis, keepDims = false) {
    return argmax(this, axis, keepDims);
  },
  argmin(axis, keepDims = false) {
    return argmin(this, axis, keepDims);
  },
  amax(axes, keepDims = false) {
    return amax(this, axes, keepDims);
  },
  amin(axes, keepDims = false) {
    return amin(this, axes, keepDims);
  },
  maxDim(axis, keepDims = false) {
    return maxDim(this, axis, keepDims);
  },
  minDim(axis, keepDims = false) {
    return minDim(this, axis, keepDims);
  },
  prod(axes, keepDims = false) {
    return prod(this, axes, keepDims);
  },
  cumsum(axis) {
    return cumsum(this, axis);
  },
  cumprod(axis) {
    return cumprod(this, axis);
  },
  norm(p = 2, axes, keepDims = false) {
    return norm(this, p, axes, keepDims);
  },
  sort(axis = -1, descending = false) {
    return sort(this, axis, descending);
  },
  argsort(axis = -1, descending = false) {
    return argsort(this, axis, descending);
  },
  topk(k, axis = -1, largest = true, sorted = true) {
    return topk(this, k, axis, largest, sorted);
  },
  matmul(other, options) {
    return matmul(this, other, options);
  },
  bmm(mat2) {
    return bmm(this, mat2);
  },
  dot(other) {
    return dot(this, other);
  },
  outer(vec2) {
    return outer(this, vec2);
  },
  diagonal(offset = 0, dim1 = 0, dim2 = 1) {
    return diagonal(this, offset, dim1, dim2);
  },
  trace() {
    return trace(this);
  },
  reshape(shape) {
    return reshape(this, shape);
  },
  view(shape) {
    return reshape(this, shape);
  },
  flatten(startAxis = 0, endAxis = -1) {
    return flatten(this, startAxis, endAxis);
  },
  transpose(axis0 = -2, axis1 = -1) {
    return transpose(this, axis0, axis1);
  },
  permute(perm) {
    return permute(this, perm);
  },
  expand(shape) {
    return expand(this, shape);
  },
  squeeze(axes) {
    return squeeze(this, axes);
  },
  unsqueeze(axis) {
    return unsqueeze(this, axis);
  },
  slice(ranges) {
    return slice(this, ranges);
  },
  gather(axis, index) {
    return gather(this, axis, index);
  },
  indexSelect(axis, index) {
    return indexSelect(this, axis, index);
  },
  where(condition, other) {
    return where(condition, this, other);
  },
  maskedFill(mask, value) {
    return maskedFill(this, mask, value);
  },
  tril(diagonal = 0) {
    return tril(this, diagonal);
  },
  triu(diagonal = 0) {
    return triu(this, diagonal);
  },
  flip(dims) {
    return flip(this, dims);
  },
  roll(shifts, dims) {
    return roll(this, shifts, dims);
  },
  split(splitSizeOrSections, dim = 0) {
    return split(this, splitSizeOrSections, dim);
  },
  chunk(chunks, dim = 0) {
    return chunk(this, chunks, dim);
  },
  unbind(dim = 0) {
    return unbind(this, dim);
  },
  repeat(reps) {
    return repeat(this, reps);
  },
  tile(reps) {
    return tile(this, reps);
  },
  scatter(axis, index, src) {
    return scatter(this, axis, index, src);
  },
  scatterAdd(axis, index, src) {
    return scatterAdd(this, axis, index, src);
  },
};

for (const [name, fn] of Object.entries(methods)) {
  Object.defineProperty(Tensor.prototype, name, { value: fn, writable: true, configurable: true });
}
Object.defineProperty(Tensor.prototype, "T", {
  get(this: Tensor): Tensor {
    if (this.ndim > 2) {
      throw new ShapeError(
        `T: only defined for rank ≤ 2, got shape ${formatShape(this.shape)}; use permute`,
      );
    }
    return this.ndim < 2 ? this : transpose(this, 0, 1);
  },
  configurable: true,
});
