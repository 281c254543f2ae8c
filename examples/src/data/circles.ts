import { Generator } from "@fluxion/core";
import { type Dataset, fromPoints, shuffleInPlace } from "./dataset.js";

/**
 * Two concentric circles (scikit-learn's `make_circles`): n points, the outer circle (radius 1,
 * class 0) and the inner one (radius `factor`, class 1) evenly spaced, with Gaussian noise of
 * standard deviation `noise`, in a seeded random order.
 *
 * @example
 * const { x, y } = circles(200, { noise: 0.05, factor: 0.5, seed: 0 });
 */
export function circles(
  n: number,
  options: { noise?: number; factor?: number; seed?: number } = {},
): Dataset {
  const g = new Generator(options.seed ?? 0);
  const noise = options.noise ?? 0.05;
  const factor = options.factor ?? 0.5;
  const points: [number, number, number][] = [];
  const outer = Math.ceil(n / 2);
  for (let i = 0; i < n; i++) {
    const isOuter = i < outer;
    const count = isOuter ? outer : n - outer;
    const k = isOuter ? i : i - outer;
    const t = (2 * Math.PI * k) / Math.max(count, 1);
    const r = isOuter ? 1 : factor;
    points.push([
      r * Math.cos(t) + noise * g.normal(),
      r * Math.sin(t) + noise * g.normal(),
      isOuter ? 0 : 1,
    ]);
  }
  shuffleInPlace(points, g);
  return fromPoints(points, ["outer circle", "inner circle"]);
}
