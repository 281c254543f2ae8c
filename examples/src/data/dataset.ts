import { type Generator, type Tensor, tensor } from "@fluxion/core";

/** Features and integer class labels of a classification data set. */
export interface Dataset {
  /** Features, [n, d] float32. */
  x: Tensor;
  /** Class indices, [n] int32. */
  y: Tensor;
  /** Class names, indexed by label. */
  classes: string[];
}

/**
 * A data set of 2-D points given as [x, y, label] rows (the toy sets' common last step).
 *
 * @example
 * const { x, y } = fromPoints([[0, 1, 0], [1, 0, 1]], ["a", "b"]); // x [2, 2], y [2] int32
 */
export function fromPoints(
  points: readonly [number, number, number][],
  classes: string[],
): Dataset {
  return {
    x: tensor(points.map(([a, b]) => [a, b])),
    y: tensor(
      points.map((p) => p[2]),
      { dtype: "int32" },
    ),
    classes,
  };
}

/**
 * Fisher–Yates shuffle driven by `g`.
 *
 * @example
 * const order = [0, 1, 2, 3];
 * shuffleInPlace(order, new Generator(0));
 */
export function shuffleInPlace<T>(items: T[], g: Generator): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = g.integer(0, i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
