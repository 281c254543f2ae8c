/**
 * Named error classes. Every message names the operation first (`matmul: …`), then the argument
 * and the shapes, dtypes or values involved, so a user can find the bad call from the message alone.
 */

/** Base class of every error Fluxion throws on purpose. */
export class FluxionError extends Error {
  override name = "FluxionError";
}

/** Shapes that do not fit together: broadcasting, matmul inner dimensions, reshape sizes. */
export class ShapeError extends FluxionError {
  override name = "ShapeError";
}

/** A dtype an op does not accept, or two dtypes that may not be mixed. */
export class DTypeError extends FluxionError {
  override name = "DTypeError";
}

/** An invalid argument value: an axis out of range, a negative size, a label out of range. */
export class ArgumentError extends FluxionError {
  override name = "ArgumentError";
}

/** Misuse of the autodiff graph: backward twice through a freed graph, grad of a non-scalar. */
export class GraphError extends FluxionError {
  override name = "GraphError";
}

/** Anomaly mode found the first op that produced NaN or Infinity. */
export class AnomalyError extends FluxionError {
  override name = "AnomalyError";
}

/** `gradcheck` found an analytical gradient that disagrees with finite differences. */
export class GradcheckError extends FluxionError {
  override name = "GradcheckError";
}
