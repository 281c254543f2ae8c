import type { DType, TypedArray } from "../dtype.js";
import type { Shape } from "../shape.js";

/**
 * The fixed kernel vocabulary: only kernels some op calls (tanh, sigmoid and relu are activation
 * kernels, below). A backend implements every entry; exhaustive mapped types in each backend make a
 * missing kernel a compile error.
 */
export const unaryKernelNames = [
  "neg",
  "exp",
  "log",
  "log1p",
  "expm1",
  "sqrt",
  "abs",
  "sign",
  "reciprocal",
  "square",
  "isNonFinite", // 1 if NaN or ±Infinity else 0
  "copy",
  "erf", // to within one ulp (fdlibm's method, see math/erf.ts)
  "erfc",
  "erfinv",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "sinh",
  "cosh",
  "asinh",
  "acosh",
  "atanh",
  "rsqrt",
  "log2",
  "log10",
  "exp2",
  "floor",
  "ceil",
  "round", // half to even, as PyTorch
  "trunc",
  "isNan", // 1 if NaN else 0
  "isInf", // 1 if ±Infinity else 0
  "isFinite", // 1 if neither NaN nor ±Infinity else 0
] as const;
/** Name of a one-input elementwise kernel (an entry of `unaryKernelNames`). */
export type UnaryKernel = (typeof unaryKernelNames)[number];

/** The two-input elementwise kernels with broadcasting (`Backend.binary`); comparisons return 0/1. */
export const binaryKernelNames = [
  "add",
  "sub",
  "mul",
  "div",
  "pow",
  "maximum",
  "minimum",
  "eq",
  "ne",
  "lt",
  "le",
  "gt",
  "ge",
  "atan2",
  "hypot",
  "fmod", // C fmod: the result has the dividend's sign
  "remainder", // Python %: the result has the divisor's sign
] as const;
/** Name of a two-input elementwise kernel (an entry of `binaryKernelNames`). */
export type BinaryKernel = (typeof binaryKernelNames)[number];

/**
 * The reduction kernels (`Backend.reduce`); argmax/argmin return int32 indices of the first extremum.
 * prod of int32 wraps around as int32 arithmetic does.
 */
export const reduceKernelNames = ["sum", "max", "min", "argmax", "argmin", "prod"] as const;
/** Name of a reduction kernel (an entry of `reduceKernelNames`). */
export type ReduceKernel = (typeof reduceKernelNames)[number];

/** The inclusive scans along one axis (`Backend.scan`); int32 wraps around as int32 arithmetic does. */
export const scanKernelNames = ["cumsum", "cumprod"] as const;
/** Name of a scan kernel (an entry of `scanKernelNames`). */
export type ScanKernel = (typeof scanKernelNames)[number];

/**
 * Activation functions with a fused kernel in both directions: `activation` computes f(x) and
 * `activationGrad` computes g ⊙ f'(x) from x, each in one pass. Their numeric parameters come in
 * the order `activationKernelParams` lists.
 */
export const activationKernelNames = [
  "relu",
  "leakyRelu",
  "elu",
  "sigmoid",
  "tanh",
  "softplus",
  "swish",
  "gelu",
  "geluTanh",
  "mish",
] as const;
/** Name of a fused activation kernel (an entry of `activationKernelNames`). */
export type ActivationKernel = (typeof activationKernelNames)[number];

/** The parameters of each activation kernel, in the order a backend receives them. */
export const activationKernelParams = {
  relu: [], // max(0, x); f'(0) = 0
  leakyRelu: ["negativeSlope"], // x ≥ 0 ? x : a·x; f'(0) = a
  elu: ["alpha", "scale"], // λ·(x > 0 ? x : α(eˣ − 1)); f'(0) = λα (SELU is elu with its α, λ)
  sigmoid: [],
  tanh: [],
  softplus: ["beta", "threshold"], // (1/β) ln(1 + e^{βx}), x where βx > threshold
  swish: ["beta"], // x σ(βx)
  gelu: [], // x Φ(x)
  geluTanh: [], // ½x(1 + tanh(√(2/π)(x + 0.044715x³)))
  mish: [], // x tanh(softplus x)
} as const satisfies { readonly [K in ActivationKernel]: readonly string[] };

/** Per-axis slice: element i of the result along an axis is input index start + i·step. */
export interface SliceSpec {
  /** Start index along each axis. */
  readonly starts: readonly number[];
  /** Step along each axis (a positive integer). */
  readonly steps: readonly number[];
}

/**
 * Storage plus kernels over typed arrays. Ops call only these methods, never a concrete backend, so
 * a faster backend (WASM SIMD, threads, WebGPU) is added without touching any op or gradient.
 * Every kernel returns a new array of `outDtype`; inputs may be of any dtype and are never written.
 */
export interface Backend {
  /** The name the backend is registered under (`"cpu"`, `"wasm"`, …), as `setBackend` takes it. */
  readonly name: string;
  /** Applies the elementwise kernel `op` to every value of x. */
  unary(op: UnaryKernel, x: TypedArray, outDtype: DType): TypedArray;
  /** x clamped to [lo, hi] (either bound may be ±Infinity); NaN stays NaN. */
  clamp(x: TypedArray, lo: number, hi: number, outDtype: DType): TypedArray;
  /** a ⊙ b with NumPy broadcasting of aShape and bShape to outShape. */
  binary(
    op: BinaryKernel,
    a: TypedArray,
    aShape: Shape,
    b: TypedArray,
    bShape: Shape,
    outShape: Shape,
    outDtype: DType,
  ): TypedArray;
  /** cond ? a : b, all three broadcast to outShape. */
  where(
    cond: TypedArray,
    condShape: Shape,
    a: TypedArray,
    aShape: Shape,
    b: TypedArray,
    bShape: Shape,
    outShape: Shape,
    outDtype: DType,
  ): TypedArray;
  /** Reduces the sorted `axes` of x; the result has the reduced axes removed. */
  reduce(
    op: ReduceKernel,
    x: TypedArray,
    shape: Shape,
    axes: readonly number[],
    outDtype: DType,
  ): TypedArray;
  /**
   * The inclusive scan `op` of x along `axis` (non-negative): out[…, i, …] = x[…, 0, …] ⊕ … ⊕
   * x[…, i, …], or from the end when `reverse` (x[…, i, …] ⊕ … ⊕ x[…, n − 1, …]).
   */
  scan(
    op: ScanKernel,
    x: TypedArray,
    shape: Shape,
    axis: number,
    reverse: boolean,
    outDtype: DType,
  ): TypedArray;
  /**
   * Stable argsort along `axis` (non-negative): int32 indices ordering each run along the axis
   * ascending (or descending), equal values keeping their order, NaN sorting as the largest value.
   */
  argsort(x: TypedArray, shape: Shape, axis: number, descending: boolean): TypedArray;
  /**
   * Batched op(A)·op(B), op = transpose of the last two axes when the flag is set (read in place,
   * never copied). Batch axes of aShape and bShape broadcast to outShape's.
   */
  matmul(
    a: TypedArray,
    aShape: Shape,
    b: TypedArray,
    bShape: Shape,
    transA: boolean,
    transB: boolean,
    outShape: Shape,
    outDtype: DType,
  ): TypedArray;
  /** Axes of x reordered: output axis i is input axis perm[i]. */
  permute(x: TypedArray, shape: Shape, perm: readonly number[], outDtype: DType): TypedArray;
  /** x broadcast to outShape (materialised). */
  expand(x: TypedArray, shape: Shape, outShape: Shape, outDtype: DType): TypedArray;
  /** The strided region of x (shape `shape`) that `spec` selects, of shape outShape. */
  slice(x: TypedArray, shape: Shape, spec: SliceSpec, outShape: Shape, outDtype: DType): TypedArray;
  /** A copy of base with the sliced region replaced by src. */
  sliceScatter(
    base: TypedArray,
    shape: Shape,
    src: TypedArray,
    spec: SliceSpec,
    srcShape: Shape,
    outDtype: DType,
  ): TypedArray;
  /** The arrays (of shapes `shapes`) joined along `axis` into one of shape outShape. */
  concat(
    xs: readonly TypedArray[],
    shapes: readonly Shape[],
    axis: number,
    outShape: Shape,
    outDtype: DType,
  ): TypedArray;
  /** out[..., i, ...] = x[..., index[..., i, ...], ...] along axis; index has out's shape. */
  gather(
    x: TypedArray,
    shape: Shape,
    axis: number,
    index: TypedArray,
    indexShape: Shape,
    outDtype: DType,
  ): TypedArray;
  /**
   * A copy of base with src written at base[..., index[..., i, ...], ...] along axis (where index
   * repeats a position, the last value in row-major order wins).
   */
  scatter(
    base: TypedArray,
    shape: Shape,
    axis: number,
    index: TypedArray,
    src: TypedArray,
    indexShape: Shape,
    outDtype: DType,
  ): TypedArray;
  /** A copy of base with src added at base[..., index[..., i, ...], ...] along axis. */
  scatterAdd(
    base: TypedArray,
    shape: Shape,
    axis: number,
    index: TypedArray,
    src: TypedArray,
    indexShape: Shape,
    outDtype: DType,
  ): TypedArray;
  /** f(x) elementwise for an activation kernel with its parameters (see activationKernelParams). */
  activation(
    op: ActivationKernel,
    x: TypedArray,
    params: readonly number[],
    outDtype: DType,
  ): TypedArray;
  /**
   * g ⊙ f'(x) elementwise (g and x have the same length), f' computed from x. At a kink it is the
   * left derivative (relu'(0) = 0, leakyRelu'(0) = a, elu'(0) = λα); NaN in x gives NaN.
   */
  activationGrad(
    op: ActivationKernel,
    g: TypedArray,
    x: TypedArray,
    params: readonly number[],
    outDtype: DType,
  ): TypedArray;
  /**
   * f(x) and f'(x) elementwise in one pass, for a forward that saves the derivative for its
   * backward (`activationGradSaved`); each is the value `activation` and `activationGrad` with a
   * unit gradient give.
   */
  activationWithGrad(
    op: ActivationKernel,
    x: TypedArray,
    params: readonly number[],
    outDtype: DType,
  ): readonly [TypedArray, TypedArray];
  /**
   * g ⊙ d elementwise for a derivative d that `activationWithGrad` saved: 0 where d is 0, whatever
   * g is, as `activationGrad` gives. g has d's length, or one element for all (a sum's gradient).
   */
  activationGradSaved(g: TypedArray, d: TypedArray, outDtype: DType): TypedArray;
  /**
   * Softmax of x / temperature along `axis` (non-negative), or its logarithm when `log` is set,
   * computed stably (the maximum along the axis is subtracted first).
   */
  softmax(
    x: TypedArray,
    shape: Shape,
    axis: number,
    temperature: number,
    log: boolean,
    outDtype: DType,
  ): TypedArray;
  /**
   * The vjp of `softmax` from its output y and incoming gradient g (same shape), along `axis`:
   * y ⊙ (g − Σ g ⊙ y) / temperature, or for the log form (g − e^y Σ g) / temperature.
   */
  softmaxGrad(
    g: TypedArray,
    y: TypedArray,
    shape: Shape,
    axis: number,
    temperature: number,
    log: boolean,
    outDtype: DType,
  ): TypedArray;
  /** Converts (or copies) x to outDtype; float to int32 truncates towards zero. */
  cast(x: TypedArray, outDtype: DType): TypedArray;
  /**
   * The one kernel that writes its input: y[i] ← y[i] op (alpha·x[i]) in place, or y[i] op alpha
   * when x is null, for the in-place tensor methods (`add_`, `sub_`, `mul_`, `div_`) and so every
   * optimiser's update, with no temporary array. y and x are float arrays of one dtype and length;
   * alpha is first rounded to that dtype, and the product is rounded before the op, so the result
   * is the same as the separate `mul` and `op` kernels.
   */
  updateInPlace(op: UpdateKernel, y: TypedArray, x: TypedArray | null, alpha: number): void;
}

/** The ops of `Backend.updateInPlace`. */
export type UpdateKernel = "add" | "sub" | "mul" | "div";
