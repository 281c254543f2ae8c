import type { DType, TypedArray } from "../dtype.js";
import { allocate, dtypeOfArray, getDefaultDType, isDType } from "../dtype.js";
import { ArgumentError, DTypeError, ShapeError } from "../errors.js";
import { defaultGenerator, Generator } from "../random/generator.js";
import type { Shape } from "../shape.js";
import { checkShape, checkSize, describeValue, formatShape, sizeOf } from "../shape.js";
import { flattenNested, type NestedArray, shapeOfNested } from "./nested.js";
import { Tensor } from "./tensor.js";

/** Options of the tensor creation functions (`tensor`, `zeros`, `full`, …). */
export interface CreateOptions {
  /** Element type (default: the default dtype, float32 unless `setDefaultDType` changed it). */
  dtype?: DType;
  /** Make the new tensor a leaf that requires grad. */
  requiresGrad?: boolean;
}

/** Options of the random creation functions (`rand`, `randn`, `randint`, …). */
export interface RandomOptions extends CreateOptions {
  /** Where the random numbers come from (default: the generator seeded by `manualSeed`). */
  generator?: Generator;
}

function resolveDType(op: string, dtype: DType | undefined): DType {
  if (dtype === undefined) return getDefaultDType();
  if (!isDType(dtype))
    throw new DTypeError(
      `${op}: unknown dtype ${String(dtype)} (expected float32, float64 or int32)`,
    );
  return dtype;
}

/** Checks the options object of a creation function: its type and its `requiresGrad` flag. */
function checkOptions(op: string, options: unknown): CreateOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ArgumentError(`${op}: options must be an object, got ${describeValue(options)}`);
  }
  const { requiresGrad } = options as CreateOptions;
  if (requiresGrad !== undefined && typeof requiresGrad !== "boolean") {
    throw new ArgumentError(
      `${op}: requiresGrad must be true or false, got ${describeValue(requiresGrad)}`,
    );
  }
  return options as CreateOptions;
}

/** A zero-filled array for a (checked) shape; an allocation the engine refuses is a named error. */
function allocateFor(op: string, dtype: DType, shape: Shape): TypedArray {
  checkSize(op, shape);
  try {
    return allocate(dtype, sizeOf(shape));
  } catch (e) {
    if (e instanceof RangeError)
      throw new ShapeError(
        `${op}: could not allocate a ${dtype} tensor of shape ${formatShape(shape)} (${sizeOf(shape)} elements): ${e.message}`,
      );
    throw e;
  }
}

function finish(
  op: string,
  data: TypedArray,
  shape: Shape,
  dtype: DType,
  options: CreateOptions,
): Tensor {
  const t = Tensor._fromData(data, shape, dtype);
  if (checkOptions(op, options).requiresGrad) {
    if (dtype === "int32") throw new DTypeError(`${op}: an int32 tensor cannot require grad`);
    t._requiresGrad = true;
  }
  return t;
}

function checkInt32(op: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v === undefined || !Number.isInteger(v) || v < -2147483648 || v > 2147483647) {
      throw new DTypeError(
        `${op}: value ${v} at flat index ${i} is not a 32-bit integer, so it cannot be stored as int32`,
      );
    }
  }
}

/**
 * A tensor from a number, nested arrays or a typed array (copied). The dtype is taken from a typed
 * array, else from `options.dtype`, else the default dtype.
 *
 * @example
 * tensor([[1, 2], [3, 4]]);                   // float32, shape [2, 2]
 * tensor(new Float64Array([1, 2]), { shape: [2, 1] });
 * tensor([0, 2, 1], { dtype: "int32" });       // class labels
 */
export function tensor(
  data: NestedArray | TypedArray,
  options: CreateOptions & { shape?: readonly number[] } = {},
): Tensor {
  checkOptions("tensor", options);
  if (ArrayBuffer.isView(data)) {
    const fromArray = dtypeOfArray(data);
    if (fromArray === undefined)
      throw new DTypeError(
        `tensor: typed arrays must be Float32Array, Float64Array or Int32Array, got ${describeValue(data)}`,
      );
    const dtype = options.dtype === undefined ? fromArray : resolveDType("tensor", options.dtype);
    const shape =
      options.shape !== undefined ? checkShape("tensor", "shape", options.shape) : [data.length];
    checkCount(shape, data.length);
    if (dtype === "int32" && fromArray !== "int32") checkInt32("tensor", data);
    const out = allocateFor("tensor", dtype, shape);
    out.set(data);
    return finish("tensor", out, shape, dtype, options);
  }
  const dtype = resolveDType("tensor", options.dtype);
  const nestedShape = shapeOfNested("tensor", data);
  const shape =
    options.shape !== undefined ? checkShape("tensor", "shape", options.shape) : nestedShape;
  checkCount(shape, sizeOf(nestedShape));
  const out = allocateFor("tensor", dtype, shape);
  if (dtype === "int32") {
    const tmp = new Float64Array(out.length);
    flattenNested(data, tmp);
    checkInt32("tensor", tmp);
    out.set(tmp);
  } else flattenNested(data, out);
  return finish("tensor", out, shape, dtype, options);
}

/** Throws unless a `shape` option fits the number of values given. */
function checkCount(shape: Shape, count: number): void {
  if (sizeOf(shape) !== count) {
    throw new ShapeError(
      `tensor: shape ${formatShape(shape)} needs ${sizeOf(shape)} values but the array has ${count}`,
    );
  }
}

/**
 * A tensor of `shape` filled with `value`.
 *
 * @example
 * full([2, 3], 0.5);
 */
export function full(
  shape: readonly number[] | number,
  value: number,
  options: CreateOptions = {},
): Tensor {
  return filled("full", shape, value, options);
}

/** `full`, with `op` naming the public function in error messages. */
function filled(
  op: string,
  shape: readonly number[] | number,
  value: number,
  options: CreateOptions,
): Tensor {
  const s = checkShape(op, "shape", shape);
  checkOptions(op, options);
  if (typeof value !== "number") {
    throw new ArgumentError(`${op}: fill value must be a number, got ${describeValue(value)}`);
  }
  const dtype = resolveDType(op, options.dtype);
  if (dtype === "int32") checkInt32(op, [value]);
  const data = allocateFor(op, dtype, s);
  data.fill(value);
  return finish(op, data, s, dtype, options);
}

/**
 * A tensor of zeros.
 *
 * @example
 * zeros([2, 3], { dtype: "float64" });
 */
export function zeros(shape: readonly number[] | number, options: CreateOptions = {}): Tensor {
  return filled("zeros", shape, 0, options);
}

/**
 * A tensor of ones.
 *
 * @example
 * ones([3]);
 */
export function ones(shape: readonly number[] | number, options: CreateOptions = {}): Tensor {
  return filled("ones", shape, 1, options);
}

/**
 * Zeros with the shape and dtype of `t`.
 *
 * @example
 * zerosLike(tensor([[1, 2], [3, 4]])); // 2×2 zeros, float32
 */
export function zerosLike(t: Tensor, options: CreateOptions = {}): Tensor {
  if (!(t instanceof Tensor))
    throw new ArgumentError(`zerosLike: t must be a Tensor, got ${describeValue(t)}`);
  return full(t.shape, 0, { dtype: t.dtype, ...options });
}

/**
 * Ones with the shape and dtype of `t`.
 *
 * @example
 * onesLike(tensor([1, 2, 3], { dtype: "float64" })); // [1, 1, 1], float64
 */
export function onesLike(t: Tensor, options: CreateOptions = {}): Tensor {
  if (!(t instanceof Tensor))
    throw new ArgumentError(`onesLike: t must be a Tensor, got ${describeValue(t)}`);
  return full(t.shape, 1, { dtype: t.dtype, ...options });
}

/**
 * `value` everywhere, with the shape and dtype of `t`.
 *
 * @example
 * fullLike(tensor([1, 2, 3]), 7); // [7, 7, 7]
 */
export function fullLike(t: Tensor, value: number, options: CreateOptions = {}): Tensor {
  if (!(t instanceof Tensor))
    throw new ArgumentError(`fullLike: t must be a Tensor, got ${describeValue(t)}`);
  return full(t.shape, value, { dtype: t.dtype, ...options });
}

/**
 * Values from `start` up to (not including) `end` in steps of `step`; `arange(n)` is 0 … n − 1.
 *
 * @example
 * arange(5);          // [0, 1, 2, 3, 4]
 * arange(1, 2, 0.25); // [1, 1.25, 1.5, 1.75]
 */
export function arange(start: number, end?: number, step = 1, options: CreateOptions = {}): Tensor {
  const [lo, hi] = end === undefined ? [0, start] : [start, end];
  if (
    typeof lo !== "number" ||
    typeof hi !== "number" ||
    typeof step !== "number" ||
    !Number.isFinite(lo) ||
    !Number.isFinite(hi) ||
    !Number.isFinite(step) ||
    step === 0
  ) {
    throw new ArgumentError(
      `arange: start, end and step must be finite and step non-zero, got (${lo}, ${hi}, ${step})`,
    );
  }
  const n = Math.max(0, Math.ceil((hi - lo) / step));
  const dtype = resolveDType("arange", options.dtype);
  const data = allocateFor("arange", dtype, [n]);
  for (let i = 0; i < n; i++) data[i] = lo + i * step;
  return finish("arange", data, [n], dtype, options);
}

/**
 * `steps` evenly spaced values from `start` to `end`, both included.
 *
 * @example
 * linspace(0, 1, 5); // [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(
  start: number,
  end: number,
  steps: number,
  options: CreateOptions = {},
): Tensor {
  if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 0)
    throw new ArgumentError(
      `linspace: steps must be a non-negative integer, got ${describeValue(steps)}`,
    );
  if (typeof start !== "number" || typeof end !== "number")
    throw new ArgumentError(
      `linspace: start and end must be numbers, got ${describeValue(start)} and ${describeValue(end)}`,
    );
  const dtype = resolveDType("linspace", options.dtype);
  const data = allocateFor("linspace", dtype, [steps]);
  const delta = steps > 1 ? (end - start) / (steps - 1) : 0;
  for (let i = 0; i < steps; i++) data[i] = i === steps - 1 && steps > 1 ? end : start + i * delta;
  return finish("linspace", data, [steps], dtype, options);
}

/**
 * An n × m matrix with ones on the diagonal.
 *
 * @example
 * eye(3);
 */
export function eye(n: number, m = n, options: CreateOptions = {}): Tensor {
  checkShape("eye", "size", [n, m]);
  const dtype = resolveDType("eye", options.dtype);
  const data = allocateFor("eye", dtype, [n, m]);
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return finish("eye", data, [n, m], dtype, options);
}

function random(
  op: string,
  shape: readonly number[] | number,
  options: RandomOptions,
  draw: (g: Generator) => number,
): Tensor {
  const s = checkShape(op, "shape", shape);
  checkOptions(op, options);
  const dtype = resolveDType(op, options.dtype);
  const g = options.generator ?? defaultGenerator;
  if (!(g instanceof Generator))
    throw new ArgumentError(`${op}: generator must be a Generator, got ${describeValue(g)}`);
  const data = allocateFor(op, dtype, s);
  for (let i = 0; i < data.length; i++) data[i] = draw(g);
  return finish(op, data, s, dtype, options);
}

/**
 * Uniform random values in [0, 1).
 *
 * @example
 * manualSeed(0);
 * rand([2, 2]);
 */
export function rand(shape: readonly number[] | number, options: RandomOptions = {}): Tensor {
  checkOptions("rand", options);
  if (options.dtype === "int32")
    throw new DTypeError("rand: needs a float dtype; use randint for integers");
  return random("rand", shape, options, (g) => g.uniform());
}

/**
 * Standard normal random values.
 *
 * @example
 * randn([3, 4], { generator: new Generator(1) });
 */
export function randn(shape: readonly number[] | number, options: RandomOptions = {}): Tensor {
  checkOptions("randn", options);
  if (options.dtype === "int32") throw new DTypeError("randn: needs a float dtype");
  return random("randn", shape, options, (g) => g.normal());
}

/**
 * Random integers in [low, high), int32 by default.
 *
 * @example
 * randint(0, 10, [5]);
 */
export function randint(
  low: number,
  high: number,
  shape: readonly number[] | number,
  options: RandomOptions = {},
): Tensor {
  checkOptions("randint", options);
  if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
    throw new ArgumentError(
      `randint: needs integers low < high, got low=${describeValue(low)}, high=${describeValue(high)}`,
    );
  }
  const dtype = options.dtype ?? "int32";
  // every value drawn lies in [low, high − 1] and must be exact in the result's dtype
  const limit = dtype === "int32" ? 2 ** 31 : dtype === "float32" ? 2 ** 24 : 2 ** 53;
  if (low < -limit || high - 1 > limit - (dtype === "int32" ? 1 : 0)) {
    throw new ArgumentError(
      `randint: the range [${low}, ${high}) does not fit in ${dtype} (values must lie in [${-limit}, ${dtype === "int32" ? limit - 1 : limit}]); ${dtype === "float64" ? "narrow the range" : 'pass { dtype: "float64" } for a wider range'}`,
    );
  }
  return random("randint", shape, { dtype: "int32", ...options }, (g) => g.integer(low, high));
}
