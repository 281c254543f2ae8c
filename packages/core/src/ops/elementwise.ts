import type { BinaryKernel, UnaryKernel } from "../backend/backend.js";
import type { DType } from "../dtype.js";
import { broadcastShapes } from "../shape.js";
import type { Tensor } from "../tensor/tensor.js";
import { defineOp, type Op, type OpDef, promotedDType } from "./define-op.js";

/**
 * Result dtype of a math function: the input's float dtype, float32 for int32 inputs.
 *
 * @example
 * defineOp<[Tensor]>({ name: "myExp", shape: ([x]) => x.shape, dtype: floatDType, compute: ([x]) => x.exp() });
 */
export function floatDType(
  inputs: readonly { readonly dtype: DType }[],
  _attrs: unknown,
  name: string,
): DType {
  const d = promotedDType(inputs, name);
  return d === "int32" ? "float32" : d;
}

/** Result dtype of a comparison: int32 0/1 (after checking the inputs may be compared). */
export function int32DType(
  inputs: readonly { readonly dtype: DType }[],
  _attrs: unknown,
  name: string,
): DType {
  promotedDType(inputs, name);
  return "int32";
}

interface UnarySpec {
  name: string;
  kernel: UnaryKernel;
  /**
   * "float": int32 input gives float32 (exp, log); "same": dtype kept (neg, abs); "int32": a 0/1
   * test (isnan), piecewise constant, so without a vjp.
   */
  result: "float" | "same" | "int32";
  vjp?: OpDef<[Tensor]>["vjp"];
}

/** An elementwise op of one input running one backend unary kernel. */
export function defineUnary(spec: UnarySpec): Op<[Tensor]> {
  return defineOp<[Tensor]>({
    name: spec.name,
    shape: ([x]) => x.shape,
    dtype:
      spec.result === "float"
        ? floatDType
        : spec.result === "int32"
          ? () => "int32"
          : ([x]) => x.dtype,
    forward: (be, [x], _attrs, out) => be.unary(spec.kernel, x.data, out.dtype),
    ...(spec.vjp ? { vjp: spec.vjp } : {}),
  });
}

interface BinarySpec {
  name: string;
  kernel: BinaryKernel;
  dtype?: OpDef<[Tensor, Tensor]>["dtype"];
  vjp?: OpDef<[Tensor, Tensor]>["vjp"];
}

/** An elementwise op of two broadcast inputs running one backend binary kernel. */
export function defineBinary(spec: BinarySpec): Op<[Tensor, Tensor]> {
  return defineOp<[Tensor, Tensor]>({
    name: spec.name,
    shape: ([a, b]) => broadcastShapes(spec.name, a.shape, b.shape),
    ...(spec.dtype ? { dtype: spec.dtype } : {}),
    forward: (be, [a, b], _attrs, out) =>
      be.binary(spec.kernel, a.data, a.shape, b.data, b.shape, out.shape, out.dtype),
    ...(spec.vjp ? { vjp: spec.vjp } : {}),
  });
}

/**
 * The elementwise maximum or minimum of two broadcast inputs. Its rule: ∂max(a, b)/∂a = 1 where
 * a > b, ½ where a = b (the gradient is shared at ties, as in PyTorch), 0 elsewhere; likewise for
 * min with a < b.
 */
export function defineElementwiseExtremum(kind: "maximum" | "minimum"): Op<[Tensor, Tensor]> {
  return defineBinary({
    name: kind,
    kernel: kind,
    vjp: (g, { inputs: [a, b] }) => {
      const wins = kind === "maximum" ? a.gt(b) : a.lt(b);
      const share = wins.to(g.dtype).add(a.eq(b).to(g.dtype).mul(0.5));
      const ga = g.mul(share);
      return [ga, g.sub(ga)];
    },
  });
}
