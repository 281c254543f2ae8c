import { ArgumentError, formatShape, ShapeError, type Tensor } from "@fluxion/core";

/** Checks a `normalizedShape` argument (a positive integer or a list of them) and returns it as a list. */
export function checkNormalizedShape(op: string, value: number | readonly number[]): number[] {
  const shape = typeof value === "number" ? [value] : Array.isArray(value) ? [...value] : null;
  if (shape === null || shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d > 0))
    throw new ArgumentError(
      `${op}: normalizedShape must be a positive integer or a non-empty list of them, got ${JSON.stringify(value)}`,
    );
  return shape;
}

/**
 * Checks that `x` ends with `normalizedShape` and returns the trailing axes to normalise over.
 */
export function trailingAxes(op: string, x: Tensor, normalizedShape: readonly number[]): number[] {
  const k = normalizedShape.length;
  const tail = x.shape.slice(x.ndim - k);
  if (x.ndim < k || !tail.every((d, i) => d === normalizedShape[i]))
    throw new ShapeError(
      `${op}: expected an input whose last ${k} axes are ${formatShape(normalizedShape)}, got input shape ${formatShape(x.shape)}`,
    );
  return normalizedShape.map((_, i) => x.ndim - k + i);
}

/** Throws unless `eps` is a finite non-negative number. */
export function checkEps(op: string, eps: unknown): number {
  if (typeof eps !== "number" || !Number.isFinite(eps) || eps < 0)
    throw new ArgumentError(`${op}: eps must be a finite non-negative number, got ${String(eps)}`);
  return eps;
}
