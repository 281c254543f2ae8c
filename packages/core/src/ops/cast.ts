import type { DType } from "../dtype.js";
import { isDType } from "../dtype.js";
import { DTypeError } from "../errors.js";
import type { Tensor } from "../tensor/tensor.js";
import { defineOp } from "./define-op.js";

const castOp = defineOp<[Tensor], { dtype: DType }>({
  name: "cast",
  shape: ([x]) => x.shape,
  dtype: (_inputs, { dtype }) => dtype,
  forward: (be, [x], { dtype }) => be.cast(x.data, dtype),
  // the gradient of a dtype conversion is the gradient converted back
  vjp: (g, { inputs: [x] }) => [g.to(x.dtype)],
});

/**
 * x converted to `dtype` (x itself when it already has it); float to int32 truncates towards zero.
 * Also available as `x.to(dtype)`.
 *
 * @example
 * cast(tensor([1.7, -1.7]), "int32"); // [1, -1]
 */
export function cast(x: Tensor, dtype: DType): Tensor {
  if (!isDType(dtype))
    throw new DTypeError(
      `cast: unknown dtype ${String(dtype)} (expected float32, float64 or int32)`,
    );
  return x.dtype === dtype ? x : castOp([x], { dtype });
}
