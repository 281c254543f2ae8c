import { ShapeError } from "../errors.js";
import { broadcastShapes, fmt } from "../shape.js";
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
  const rows = t.shape[r - 2] as number;
  const cols = t.shape[r - 1] as number;
  return trans ? [cols, rows] : [rows, cols];
}

const matmulOp: Op<MatmulAttrs> = defineOp<MatmulAttrs>({
  name: "matmul",
  shape: ([a, b], { transA, transB }) => {
    const x = a as Tensor;
    const y = b as Tensor;
    const [m, k1] = dims(x, transA);
    const [k2, n] = dims(y, transB);
    if (k1 !== k2) {
      throw new ShapeError(
        `matmul: cannot multiply ${fmt(x.shape)}${transA ? "ᵀ" : ""} by ${fmt(y.shape)}${transB ? "ᵀ" : ""}: inner dimensions ${k1} and ${k2} differ`,
      );
    }
    return [...broadcastShapes("matmul", x.shape.slice(0, -2), y.shape.slice(0, -2)), m, n];
  },
  forward: (be, [a, b], { transA, transB }, out) => {
    const x = a as Tensor;
    const y = b as Tensor;
    return be.matmul(x._data, x.shape, y._data, y.shape, transA, transB, out.shape, out.dtype);
  },
  // C = op(A)·op(B): ∂/∂op(A) = G·op(B)ᵀ and ∂/∂op(B) = op(A)ᵀ·G, each written as one matmul with
  // transpose flags, so the backward pass never copies a transpose either
  vjp: (g, { inputs: [a, b], attrs: { transA, transB }, needsInputGrad: [na, nb] }) => {
    const A = a as Tensor;
    const B = b as Tensor;
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

/**
 * Matrix product with PyTorch's rules: 2-D × 2-D is a matrix product; leading (batch) axes
 * broadcast; a 1-D operand is a vector (a row on the left, a column on the right) whose axis is
 * removed from the result.
 *
 * @example
 * matmul(ones([32, 784]), ones([784, 10])).shape; // [32, 10]
 */
export function matmul(a: TensorLike, b: TensorLike): Tensor {
  const [x, y] = asPair(a, b);
  if (x.ndim === 0 || y.ndim === 0) {
    throw new ShapeError(
      `matmul: both arguments need at least one dimension, got ${fmt(x.shape)} and ${fmt(y.shape)}`,
    );
  }
  const x2 = x.ndim === 1 ? x.reshape([1, x.shape[0] as number]) : x;
  const y2 = y.ndim === 1 ? y.reshape([y.shape[0] as number, 1]) : y;
  if ((x2.shape[x2.ndim - 1] as number) !== (y2.shape[y2.ndim - 2] as number)) {
    throw new ShapeError(
      `matmul: cannot multiply ${fmt(x.shape)} by ${fmt(y.shape)}: inner dimensions ${x2.shape[x2.ndim - 1]} and ${y2.shape[y2.ndim - 2]} differ`,
    );
  }
  let out = matmulOp([x2, y2], { transA: false, transB: false });
  if (y.ndim === 1) out = out.squeeze(-1);
  if (x.ndim === 1) out = out.squeeze(y.ndim === 1 ? -1 : -2);
  return out;
}
