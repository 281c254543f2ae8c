import { Generator } from "@fluxion/core";
import { type Dataset, fromPoints } from "./dataset.js";

/**
 * The XOR pattern: n points uniform in [−1, 1]², kept at least `margin` away from both axes, of
 * class 1 where x·y > 0 (first and third quadrants) and 0 elsewhere, with Gaussian noise of
 * standard deviation `noise` added after labelling (so noisy points may cross an axis).
 *
 * @example
 * const { x, y } = xor(200, { noise: 0.1, seed: 0 });
 */
export function xor(
  n: number,
  options: { noise?: number; margin?: number; seed?: number } = {},
): Dataset {
  const g = new Generator(options.seed ?? 0);
  const noise = options.noise ?? 0.1;
  const margin = options.margin ?? 0.05;
  const coordinate = () => {
    const v = margin + (1 - margin) * g.uniform();
    return g.uniform() < 0.5 ? -v : v;
  };
  const points: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    const px = coordinate();
    const py = coordinate();
    points.push([px + noise * g.normal(), py + noise * g.normal(), px * py > 0 ? 1 : 0]);
  }
  return fromPoints(points, ["x·y < 0", "x·y > 0"]);
}
