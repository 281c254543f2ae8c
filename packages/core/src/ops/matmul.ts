import { ArgumentError, ShapeError } from "../errors.js";
import { broadcastShapes, describeValue, dimAt, formatShape } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asPair } from "./convert.js";
import { defineOp, type Op } from "./define-op.js";

interface MatmulAttrs {
  /** Use the transpose of the last two axes of a / b, read in place (never copied). */
  transA: boolean;
  transB: boolean;
}

function dims(t: Tensor, trans: boolean): [number, number] {
  const r = t.ndim;
  const rows = dimAt(t.shape, r - 2);
  const cols = dimAt(t.shape, r - 1);
  return trans ? [cols, rows] : [rows, cols];
}

const matmulOp: Op<[Tensor, Tensor], MatmulAttrs> = defineOp<[Tensor, Tensor], MatmulAttrs>({
  name: "matmul",
  shape: ([x, y], { transA, transB }) => {
    const [m, k1] = dims(x, transA);
    const [k2, n] = dims(y, transB);
    if (k1 !== k2) {
      throw new ShapeError(
        `matmul: cannot multiply ${formatShape(x.shape)}${transA ? "ᵀ" : ""} by ${formatShape(y.shape)}${transB ? "ᵀ" : ""}: inner dimensions ${k1} and ${k2} differ`,
      );
    }
    const batchA = x.shape.slice(0, -2);
    const batchB = y.shape.slice(0, -2);
    let batch: number[];
    try {
      batch = broadcastShapes("matmul", batchA, batchB);
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      throw new ShapeError(
        `matmul: cannot multiply ${formatShape(x.shape)} by ${formatShape(y.shape)}: their batch dimensions ${formatShape(batchA)} and ${formatShape(batchB)} cannot be broadcast together`,
      );
    }
    return [...batch, m, n];
  },
  forward: (be, [x, y], { transA, transB }, out) =>
    be.matmul(x.data, x.shape, y.data, y.shape, transA, transB, out.shape, out.dtype),
  // C = op(A)·op(B): ∂/∂op(A) = G·op(B)ᵀ and ∂/∂op(B) = op(A)ᵀ·G, each written as one matmul with
  // transpose flags, so the backward pass never copies a transpose either
  vjp: (g, { inputs: [A, B], attrs: { transA, transB }, needsInputGrad: [na, nb] }) => {
    const mm = (x: Tensor, y: Tensor, tx: boolean, ty: boolean) =>
      matmulOp([x, y], { transA: tx, transB: ty });
    if (!transA && !transB)
      return [na ? mm(g, B, false, true) : null, nb ? mm(A, g, true, false) : null];
    if (!transA && transB)
      return [na ? mm(g, B, false, false) : null, nb ? mm(g, A, true, false) : null];
    if (transA && !transB)
      return [na ? mm(B, g, false, true) : null, nb ? mm(A, g, false, false) : null];
    return [na ? mm(B, g, true, true) : null, nb ? mm(g, A, true, true) : null];
  },
});

/** Operands to use transposed (their last two axes swapped), read in place without a copy. */
export interface MatmulOptions {
  /** Multiply by the transpose of the first operand (default false). */
  transposeA?: boolean;
  /** Multiply by the transpose of the second operand (default false). */
  transposeB?: boolean;
}

/**
 * Matrix product with PyTorch's rules: 2-D × 2-D is a matrix product; leading (batch) axes
 * broadcast; a 1-D operand is a vector (a row on the left, a column on the right) whose axis is
 * removed from the result. `transposeA`/`transposeB` (as in TensorFlow.js) multiply by the
 * transpose of a matrix operand without copying it: `matmul(x, W, { transposeB: true })` is x·Wᵀ.
 *
 * @example
 * matmul(ones([32, 784]), ones([784, 10])).shape; // [32, 10]
 * matmul(ones([32, 784]), ones([10, 784]), { transposeB: true }).shape; // [32, 10]
 */
export function matmul(a: TensorLike, b: TensorLike, options: MatmulOptions = {}): Tensor {
  const [x, y] = asPair(a, b, "matmul");
  const transA = options.transposeA ?? false;
  const transB = options.transposeB ?? false;
  for (const [name, v] of [
    ["transposeA", transA],
    ["transposeB", transB],
  ] as const) {
    if (typeof v !== "boolean")
      throw new ArgumentError(`matmul: ${name} must be true or false, got ${describeValue(v)}`);
  }
  if (x.ndim === 0 || y.ndim === 0) {
    throw new ShapeError(
      `matmul: both arguments need at least one dimension, got ${formatShape(x.shape)} and ${formatShape(y.shape)}`,
    );
  }
  if ((transA && x.ndim === 1) || (transB && y.ndim === 1)) {
    throw new ArgumentError(
      `matmul: transposeA/transposeB apply to matrices, not to the 1-D argument (shapes ${formatShape(x.shape)} and ${formatShape(y.shape)})`,
    );
  }
  const x2 = x.ndim === 1 ? x.reshape([1, dimAt(x.shape, 0)]) : x;
  const y2 = y.ndim === 1 ? y.reshape([dimAt(y.shape, 0), 1]) : y;
  const innerA = dimAt(x2.shape, x2.ndim - (transA ? 2 : 1));
  const innerB = dimAt(y2.shape, y2.ndim - (transB ? 1 : 2));
  if (innerA !== innerB) {
    throw new ShapeError(
      `matmul: cannot multiply ${formatShape(x.shape)}${transA ? "ᵀ" : ""} by ${formatShape(y.shape)}${transB ? "ᵀ" : ""}: inner dimensions ${innerA} and ${innerB} differ`,
    );
  }
  let out = matmulOp([x2, y2], { transA, transB });
  if (y.ndim === 1) out = out.squeeze(-1);
  if (x.ndim === 1) out = out.squeeze(y.ndim === 1 ? -1 : -2);
  return out;
}
