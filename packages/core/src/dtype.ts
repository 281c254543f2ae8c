import { DTypeError } from "./errors.js";

/** Element types a tensor can hold. `float64` is first-class: every kernel computes in it natively. */
export type DType = "float32" | "float64" | "int32";

/** The typed array that stores a tensor of each dtype. */
export type TypedArray = Float32Array | Float64Array | Int32Array;

interface TypedArrayOf {
  float32: Float32Array;
  float64: Float64Array;
  int32: Int32Array;
}

const constructors = {
  float32: Float32Array,
  float64: Float64Array,
  int32: Int32Array,
} as const satisfies { [K in DType]: { new (n: number): TypedArrayOf[K] } };

/** A new zero-filled typed array for `dtype`. */
export function allocate(dtype: DType, size: number): TypedArray {
  return new constructors[dtype](size);
}

/** The dtype stored by a typed array, or undefined for other array types. */
export function dtypeOfArray(a: ArrayBufferView): DType | undefined {
  if (a instanceof Float32Array) return "float32";
  if (a instanceof Float64Array) return "float64";
  if (a instanceof Int32Array) return "int32";
  return undefined;
}

/**
 * Whether `dtype` is a floating-point type (float32 or float64).
 *
 * @example
 * isFloat("float64"); // true
 * isFloat("int32"); // false
 */
export function isFloat(dtype: DType): boolean {
  return dtype !== "int32";
}

export function isDType(value: unknown): value is DType {
  return value === "float32" || value === "float64" || value === "int32";
}

/**
 * The dtype of an op on mixed inputs. int32 joins a float dtype (as an integer or boolean does in
 * PyTorch); float32 and float64 may not be mixed, because silently widening or narrowing hides
 * precision bugs in float64 gradient checks.
 */
export function promoteTypes(op: string, a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === "int32") return b;
  if (b === "int32") return a;
  throw new DTypeError(
    `${op}: cannot mix ${a} and ${b}; convert one side first, e.g. x.to("${b === "float64" ? "float64" : a}")`,
  );
}

let defaultDType: DType = "float32";

/**
 * Sets the dtype that creation functions use when none is given (float32 unless changed), like
 * `torch.set_default_dtype`. Gradient checks often want float64.
 *
 * @example
 * setDefaultDType("float64");
 */
export function setDefaultDType(dtype: DType): void {
  if (!isDType(dtype) || dtype === "int32") {
    throw new DTypeError(`setDefaultDType: expected "float32" or "float64", got ${String(dtype)}`);
  }
  defaultDType = dtype;
}

/**
 * The dtype creation functions use when none is given.
 *
 * @example
 * getDefaultDType(); // "float32" unless setDefaultDType changed it
 */
export function getDefaultDType(): DType {
  return defaultDType;
}
