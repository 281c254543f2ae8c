import { Generator } from "@fluxion/core";
import { type Dataset, fromPoints, shuffleInPlace } from "./dataset.js";

/**
 * Interleaved spirals, one arm per class (the CS231n toy set): `perClass` points per arm, angular
 * noise `noise`, in a seeded random order.
 *
 * @example
 * const { x, y } = spiral(100, { classes: 2, seed: 0 });
 */
export function spiral(
  perClass: number,
  options: { classes?: number; noise?: number; seed?: number } = {},
): Dataset {
  const g = new Generator(options.seed ?? 0);
  const classes = options.classes ?? 2;
  const noise = options.noise ?? 0.2;
  const points: [number, number, number][] = [];
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < perClass; i++) {
      const r = perClass > 1 ? i / (perClass - 1) : 0;
      const t = c * ((2 * Math.PI) / classes) + 4 * r + noise * g.normal();
      points.push([r * Math.sin(t), r * Math.cos(t), c]);
    }
  }
  shuffleInPlace(points, g);
  return fromPoints(
    points,
    Array.from({ length: classes }, (_, c) => `arm ${c}`),
  );
}
