import { ArgumentError } from "../errors.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { where } from "./where.js";

/** Options of {@link nanToNum}: the replacements (defaults as PyTorch's `nan_to_num`). */
export interface NanToNumOptions {
  /** Replaces NaN (default 0). */
  nan?: number;
  /** Replaces +Infinity (default: the dtype's largest finite value). */
  posinf?: number;
  /** Replaces −Infinity (default: the dtype's most negative finite value). */
  neginf?: number;
}

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * x with NaN, +Infinity and −Infinity replaced by finite numbers (PyTorch's `torch.nan_to_num`).
 * The gradient passes where x is finite and is 0 at the replaced entries. int32 tensors, which
 * hold no NaN or Infinity, come back unchanged.
 *
 * @example
 * nanToNum(tensor([NaN, Infinity, -1])); // [0, 3.4028e38, -1]
 * nanToNum(tensor([NaN, -Infinity]), { nan: -1, neginf: -100 }); // [-1, -100]
 */
export function nanToNum(x: TensorLike, options: NanToNumOptions = {}): Tensor {
  if (typeof options !== "object" || options === null) {
    throw new ArgumentError(
      `nanToNum: options must be an object, got ${options === null ? "null" : typeof options}`,
    );
  }
  const t = asTensor(x, undefined, "nanToNum");
  for (const key of ["nan", "posinf", "neginf"] as const) {
    const v = options[key];
    if (v !== undefined && typeof v !== "number") {
      throw new ArgumentError(`nanToNum: options.${key} must be a number, got ${typeof v}`);
    }
  }
  if (t.dtype === "int32") return t;
  const big = t.dtype === "float32" ? FLOAT32_MAX : Number.MAX_VALUE;
  const posinf = options.posinf ?? big;
  const neginf = options.neginf ?? -big;
  const nan = options.nan ?? 0;
  return where(t.isnan(), nan, where(t.eq(Infinity), posinf, where(t.eq(-Infinity), neginf, t)));
}
