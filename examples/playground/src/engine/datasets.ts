import {
  circles,
  type Dataset,
  spiral,
  trainTestSplit,
  twoMoons,
  xor,
} from "@fluxion/examples/data/toy";
import type { PlaygroundConfig, Point } from "./protocol.js";

/** The generators of examples/src/data (one copy of each), for `samples` points in all. */
const generators = {
  moons: (n: number, noise: number, seed: number) => twoMoons(n, { noise, seed }),
  circles: (n: number, noise: number, seed: number) => circles(n, { noise, factor: 0.5, seed }),
  xor: (n: number, noise: number, seed: number) => xor(n, { noise, seed }),
  // spiral's noise is angular (radians): scaled so that 0.5 is as hard as for the other sets
  spiral: (n: number, noise: number, seed: number) =>
    spiral(Math.ceil(n / 2), { classes: 2, noise: 2 * noise, seed }),
} as const;

function toPoints(data: Dataset): Point[] {
  const xy = data.x.data();
  const labels = data.y.data();
  return Array.from(labels, (label, i) => ({
    x: Number(xy[2 * i]),
    y: Number(xy[2 * i + 1]),
    label: label === 1 ? 1 : 0,
  }));
}

/**
 * The configured data set, split (stratified, seeded) into train and test points.
 *
 * @example
 * const { train, test } = makeData({ ...defaultConfig, dataset: "xor" });
 */
export function makeData(
  config: Pick<PlaygroundConfig, "dataset" | "noise" | "samples" | "trainFraction" | "seed">,
): { train: Point[]; test: Point[] } {
  const data = generators[config.dataset](config.samples, config.noise, config.seed);
  const { train, test } = trainTestSplit(data, 1 - config.trainFraction, config.seed);
  return { train: toPoints(train), test: toPoints(test) };
}

/** The plotted extent: the points' bounding box with a 10% margin, made square. */
export interface Extent {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/**
 * The square region the decision boundary is drawn on: all points with a margin.
 *
 * @example
 * extentOf([...train, ...test]); // { xMin: -1.4, xMax: 2.4, yMin: -1.4, yMax: 1.9 }
 */
export function extentOf(points: readonly Point[]): Extent {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  if (!Number.isFinite(x0)) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const half = (Math.max(x1 - x0, y1 - y0, 1e-3) / 2) * 1.1;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { xMin: cx - half, xMax: cx + half, yMin: cy - half, yMax: cy + half };
}
