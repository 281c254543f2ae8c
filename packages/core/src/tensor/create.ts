import type { DType, TypedArray } from "../dtype.js";
import { allocate, dtypeOfArray, getDefaultDType, isDType } from "../dtype.js";
import { ArgumentError, DTypeError } from "../errors.js";
import { defaultGenerator, type Generator } from "../random/generator.js";
import type { Shape } from "../shape.js";
import { checkShape, sizeOf } from "../shape.js";
import { flattenNested, type NestedArray, shapeOfNested } from "./nested.js";
import { Tensor } from "./tensor.js";

export interface CreateOptions {
  /** Element type (default: the default dtype, float32 unless `setDefaultDType` changed it). */
  dtype?: DType;
  /** Make the new tensor a leaf that requires grad. */
  requiresGrad?: boolean;
}

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

function finish(
  op: string,
  data: TypedArray,
  shape: Shape,
  dtype: DType,
  options: CreateOptions,
): Tensor {
  const t = Tensor._fromData(data, shape, dtype);
  if (options.requiresGrad) {
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
  if (ArrayBuffer.isView(data)) {
    const fromArray = dtypeOfArray(data);
    if (fromArray === undefined)
      throw new DTypeError("tensor: typed arrays must be Float32Array, Float64Array or Int32Array");
    const dtype = options.dtype === undefined ? fromArray : resolveDType("tensor", options.dtype);
    const shape = options.shape ? checkShape("tensor", "shape", options.shape) : [data.length];
    if (sizeOf(shape) !== data.length) {
      throw new ArgumentError(
        `tensor: shape [${shape.join(", ")}] needs ${sizeOf(shape)} values but the array has ${data.length}`,
      );
    }
    if (dtype === "int32" && fromArray !== "int32") checkInt32("tensor", data);
    const out = allocate(dtype, data.length);
    out.set(data);
    return finish("tensor", out, shape, dtype, options);
  }
  const dtype = resolveDType("tensor", options.dtype);
  const shape = shapeOfNested("tensor", data);
  const out = allocate(dtype, sizeOf(shape));
  if (dtype === "int32") {
    const tmp = new Float64Array(out.length);
    flattenNested(data, tmp);
    checkInt32("tensor", tmp);
    out.set(tmp);
  } else flattenNested(data, out);
  if (options.shape) return finish("tensor", out, shape, dtype, {}).reshape(options.shape);
  return finish("tensor", out, shape, dtype, options);
}

/**
 * A tensor of `shape` filled with `value`.
 *
 * @example
 * full([2, 3], 0.5);
 */
export function full(shape: readonly number[], value: number, options: CreateOptions = {}): Tensor {
  return filled("full", shape, value, options);
}

/** `full`, with `op` naming the public function in error messages. */
function filled(
  op: string,
  shape: readonly number[],
  value: number,
  options: CreateOptions,
): Tensor {
  const s = checkShape(op, "shape", shape);
  const dtype = resolveDType(op, options.dtype);
  if (dtype === "int32") checkInt32(op, [value]);
  const data = allocate(dtype, sizeOf(s));
  data.fill(value);
  return finish(op, data, [...s], dtype, options);
}

/**
 * A tensor of zeros.
 *
 * @example
 * zeros([2, 3], { dtype: "float64" });
 */
export function zeros(shape: readonly number[], options: CreateOptions = {}): Tensor {
  return filled("zeros", shape, 0, options);
}

/**
 * A tensor of ones.
 *
 * @example
 * ones([3]);
 */
export function ones(shape: readonly number[], options: CreateOptions = {}): Tensor {
  return filled("ones", shape, 1, options);
}

/** Zeros with the shape and dtype of `t`. */
export function zerosLike(t: Tensor, options: CreateOptions = {}): Tensor {
  return full(t.shape, 0, { dtype: t.dtype, ...options });
}

/** Ones with the shape and dtype of `t`. */
export function onesLike(t: Tensor, options: CreateOptions = {}): Tensor {
  return full(t.shape, 1, { dtype: t.dtype, ...options });
}

/** `value` everywhere, with the shape and dtype of `t`. */
export function fullLike(t: Tensor, value: number, options: CreateOptions = {}): Tensor {
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
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !Number.isFinite(step) || step === 0) {
    throw new ArgumentError(
      `arange: start, end and step must be finite and step non-zero, got (${lo}, ${hi}, ${step})`,
    );
  }
  const n = Math.max(0, Math.ceil((hi - lo) / step));
  const dtype = resolveDType("arange", options.dtype);
  const data = allocate(dtype, n);
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
  if (!Number.isInteger(steps) || steps < 0)
    throw new ArgumentError(`linspace: steps must be a non-negative integer, got ${steps}`);
  const dtype = resolveDType("linspace", options.dtype);
  const data = allocate(dtype, steps);
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
  const data = allocate(dtype, n * m);
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return finish("eye", data, [n, m], dtype, options);
}

function random(
  op: string,
  shape: readonly number[],
  options: RandomOptions,
  draw: (g: Generator) => number,
): Tensor {
  const s = checkShape(op, "shape", shape);
  const dtype = resolveDType(op, options.dtype);
  const g = options.generator ?? defaultGenerator;
  const data = allocate(dtype, sizeOf(s));
  for (let i = 0; i < data.length; i++) data[i] = draw(g);
  return finish(op, data, [...s], dtype, options);
}

/**
 * Uniform random values in [0, 1).
 *
 * @example
 * manualSeed(0);
 * rand([2, 2]);
 */
export function rand(shape: readonly number[], options: RandomOptions = {}): Tensor {
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
export function randn(shape: readonly number[], options: RandomOptions = {}): Tensor {
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
  shape: readonly number[],
  options: RandomOptions = {},
): Tensor {
  if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
    throw new ArgumentError(`randint: needs integers low < high, got low=${low}, high=${high}`);
  }
  return random("randint", shape, { dtype: "int32", ...options }, (g) => g.integer(low, high));
}
