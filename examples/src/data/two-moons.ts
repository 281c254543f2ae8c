import { Generator } from "@fluxion/core";
import { type Dataset, fromPoints, shuffleInPlace } from "./dataset.js";

/**
 * Two interleaving half circles (scikit-learn's `make_moons`): n points, half per class, with
 * Gaussian noise of standard deviation `noise`, in a seeded random order.
 *
 * @example
 * const { x, y } = twoMoons(200, { noise: 0.1, seed: 0 });
 */
export function twoMoons(n: number, options: { noise?: number; seed?: number } = {}): Dataset {
  const g = new Generator(options.seed ?? 0);
  const noise = options.noise ?? 0.1;
  const points: [number, number, number][] = [];
  const outer = Math.ceil(n / 2);
  for (let i = 0; i < n; i++) {
    const upper = i < outer;
    const count = upper ? outer : n - outer;
    const k = upper ? i : i - outer;
    const t = count > 1 ? (Math.PI * k) / (count - 1) : 0;
    const px = upper ? Math.cos(t) : 1 - Math.cos(t);
    const py = upper ? Math.sin(t) : 0.5 - Math.sin(t);
    points.push([px + noise * g.normal(), py + noise * g.normal(), upper ? 0 : 1]);
  }
  shuffleInPlace(points, g);
  return fromPoints(points, ["upper moon", "lower moon"]);
}
