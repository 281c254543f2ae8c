/**
 * Named error classes. Every message names the operation first (`matmul: …`), then the argument
 * and the shapes, dtypes or values involved, so a user can find the bad call from the message alone.
 */

/**
 * Base class of every error Fluxion throws on purpose.
 *
 * @example
 * try {
 *   tensor([1, 2]).item();
 * } catch (e) {
 *   if (e instanceof FluxionError) console.log(e.message); // item: only a tensor with one element …
 * }
 */
export class FluxionError extends Error {
  override name = "FluxionError";
}

/**
 * Shapes that do not fit together: broadcasting, matmul inner dimensions, reshape sizes.
 *
 * @example
 * matmul(zeros([2, 3]), zeros([4, 5])); // ShapeError: matmul: cannot multiply [2, 3] by [4, 5] …
 */
export class ShapeError extends FluxionError {
  override name = "ShapeError";
}

/**
 * A dtype an op does not accept, or two dtypes that may not be mixed.
 *
 * @example
 * tensor([1.5]).add(tensor([1], { dtype: "float64" })); // DTypeError: float32 and float64 do not mix
 */
export class DTypeError extends FluxionError {
  override name = "DTypeError";
}

/**
 * An invalid argument value: an axis out of range, a negative size, a label out of range.
 *
 * @example
 * tensor([1, 2]).sum(3); // ArgumentError: the axis is out of range
 */
export class ArgumentError extends FluxionError {
  override name = "ArgumentError";
}

/**
 * An index value out of range for the axis it indexes (gather, scatter, scatterAdd, indexSelect),
 * as Python's IndexError; the message names the value, where it is and the valid range. A kind of
 * ArgumentError.
 *
 * @example
 * gather(tensor([1, 2]), 0, tensor([2], { dtype: "int32" })); // IndexError: … index value 2 … size 2
 */
export class IndexError extends ArgumentError {
  override name = "IndexError";
}

/**
 * Misuse of the autodiff graph: backward twice through a freed graph, grad of a non-scalar.
 *
 * @example
 * tensor([1, 2]).sum().backward(); // GraphError: the tensor does not require grad
 */
export class GraphError extends FluxionError {
  override name = "GraphError";
}

/**
 * Anomaly mode found the first op that produced NaN or Infinity.
 *
 * @example
 * detectAnomaly(() => tensor([0], { requiresGrad: true }).sqrt().sum().backward()); // AnomalyError
 */
export class AnomalyError extends FluxionError {
  override name = "AnomalyError";
}

/**
 * `gradcheck` found an analytical gradient that disagrees with finite differences.
 *
 * @example
 * gradcheck(wrongRuleOp, [randn([3], { dtype: "float64" })]); // GradcheckError naming the worst element
 */
export class GradcheckError extends FluxionError {
  override name = "GradcheckError";
}
