import * as vega from "vega";
import { encodePng } from "./png.js";
import type { ChartSpec } from "./render.js";

/** One sample of an activation and its derivative. */
export interface ActivationPoint {
  activation: string;
  x: number;
  value: number;
  series: "f(x)" | "f′(x)";
}

/**
 * Ten strongly distinct hues (none pale on white); with solid and dashed lines they tell up to 20
 * activations apart (tableau20's light/dark pairs looked alike).
 */
export const CATEGORICAL_PALETTE = [
  "#e6194b",
  "#3cb44b",
  "#4363d8",
  "#f58231",
  "#911eb4",
  "#00a3b4",
  "#f032e6",
  "#9a6324",
  "#808000",
  "#000000",
] as const;

/** Columns for `n` small multiples: the count in 3..6 that leaves the fewest empty panels. */
export function galleryColumns(n: number): number {
  let best = 4;
  for (const c of [4, 5, 3, 6]) {
    const empty = (c - (n % c)) % c;
    if (empty < (best - (n % best)) % best) best = c;
  }
  return best;
}

/**
 * Small multiples: every activation and its derivative, one panel each. The panel count and layout
 * come from the data (the activation list grows); every panel has its own x axis, so an empty
 * trailing panel draws none, and the y range covers every value (nothing is clipped).
 *
 * @example
 * activationGallery([{ activation: "relu", x: 1, value: 1, series: "f(x)" }]);
 */
export function activationGallery(points: ActivationPoint[], columns?: number): ChartSpec {
  const count = new Set(points.map((p) => p.activation)).size;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Activation functions (solid) and their derivatives (dashed)",
    data: { values: points },
    facet: { field: "activation", type: "nominal", title: null, sort: null },
    columns: columns ?? galleryColumns(count),
    spec: {
      width: 150,
      height: 110,
      mark: { type: "line", strokeWidth: 1.8 },
      encoding: {
        x: { field: "x", type: "quantitative", title: "x" },
        y: { field: "value", type: "quantitative", title: null, scale: { nice: true } },
        color: {
          field: "series",
          type: "nominal",
          title: null,
          scale: { range: [CATEGORICAL_PALETTE[2], CATEGORICAL_PALETTE[3]] },
        },
        strokeDash: { field: "series", type: "nominal", title: null },
      },
    },
    resolve: { scale: { y: "shared" }, axis: { x: "independent" } },
  } as ChartSpec;
}

/** Loss per epoch and activation. */
export interface LossPoint {
  activation: string;
  epoch: number;
  loss: number;
}

/**
 * Training-loss curves, one line per activation (log scale).
 *
 * @example
 * lossCurves([{ activation: "relu", epoch: 0, loss: 0.7 }]);
 */
export function lossCurves(points: LossPoint[], title = "Training loss"): ChartSpec {
  return activationLines(
    points,
    title,
    { field: "epoch", title: "epoch" },
    { field: "loss", title: "loss" },
    false,
  );
}

/**
 * One line per activation over a quantitative x, log-scaled y; ten distinct hues, solid then
 * dashed, for up to twenty activations.
 */
function activationLines(
  points: object[],
  title: string,
  x: { field: string; title: string },
  y: { field: string; title: string },
  markPoints: boolean,
): ChartSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 520,
    height: 300,
    data: { values: points },
    mark: { type: "line", strokeWidth: 1.6, point: markPoints },
    encoding: {
      x: { ...x, type: "quantitative", axis: { tickMinStep: 1, format: "d" } },
      y: { ...y, type: "quantitative", scale: { type: "log" } },
      color: {
        field: "activation",
        type: "nominal",
        title: "activation",
        sort: null,
        scale: { range: [...CATEGORICAL_PALETTE] },
      },
      // The first ten activations solid, the next ten dashed: colour and dash together stay distinct.
      strokeDash: {
        field: "activation",
        type: "nominal",
        title: "activation",
        sort: null,
        scale: {
          range: [
            ...CATEGORICAL_PALETTE.map(() => [1, 0]),
            ...CATEGORICAL_PALETTE.map(() => [6, 3]),
          ],
        },
      },
    },
  } as ChartSpec;
}

/** A per-layer measurement (dead-unit fraction, gradient norm) for one activation. */
export interface LayerPoint {
  activation: string;
  layer: number;
  value: number;
}

/**
 * Fraction of dead units (never active on the whole data set), per layer and activation.
 *
 * @example
 * deadUnitsChart([{ activation: "relu", layer: 1, value: 0.25 }]);
 */
export function deadUnitsChart(points: LayerPoint[], title = "Dead units per layer"): ChartSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 520,
    height: 260,
    data: { values: points },
    mark: { type: "bar" },
    encoding: {
      x: { field: "activation", type: "nominal", title: null, sort: null },
      xOffset: { field: "layer", type: "ordinal" },
      y: {
        field: "value",
        type: "quantitative",
        title: "fraction of units never active",
        scale: { domain: [0, 1] },
      },
      color: { field: "layer", type: "ordinal", title: "layer" },
    },
  } as ChartSpec;
}

/**
 * Gradient norm of each layer's weights, per activation (log scale): vanishing gradients show as
 * lines falling towards the first layer.
 *
 * @example
 * gradNormChart([{ activation: "sigmoid", layer: 1, value: 1e-6 }]);
 */
export function gradNormChart(points: LayerPoint[], title = "Gradient norm per layer"): ChartSpec {
  return activationLines(
    points,
    title,
    { field: "layer", title: "layer (1 = first)" },
    { field: "value", title: "‖∂loss/∂W‖" },
    true,
  );
}

/** A grid cell of a decision boundary: the predicted probability of class 1 at (x1, x2). */
export interface GridPoint {
  x1: number;
  x2: number;
  p: number;
}

/** A labelled data point. */
export interface LabelledPoint {
  x1: number;
  x2: number;
  label: string;
}

/**
 * A model's decision regions (P(class 1), blue → orange) with the data points on top. The regions
 * are one embedded PNG (a 40 × 40 grid as 1600 SVG rectangles per panel made a 7 MB figure).
 *
 * @example
 * decisionBoundary(grid, points, "relu, two moons");
 */
export function decisionBoundary(
  grid: GridPoint[],
  points: LabelledPoint[],
  title: string,
  step: number,
): ChartSpec {
  const x1s = [...new Set(grid.map((g) => g.x1))].sort((a, b) => a - b);
  const x2s = [...new Set(grid.map((g) => g.x2))].sort((a, b) => a - b);
  const colour = vega.scheme("blueorange") as (t: number) => string;
  const rgb = new Uint8Array(x1s.length * x2s.length * 3);
  const col = new Map(x1s.map((v, i) => [v, i]));
  const row = new Map(x2s.map((v, i) => [v, x2s.length - 1 - i])); // top row = largest x2
  for (const g of grid) {
    const c = /rgb\((\d+), ?(\d+), ?(\d+)\)/.exec(colour(Math.min(1, Math.max(0, g.p))));
    const at = ((row.get(g.x2) ?? 0) * x1s.length + (col.get(g.x1) ?? 0)) * 3;
    rgb.set([Number(c?.[1] ?? 0), Number(c?.[2] ?? 0), Number(c?.[3] ?? 0)], at);
  }
  const png = Buffer.from(encodePng(x1s.length, x2s.length, rgb)).toString("base64");
  const extent = {
    x1: x1s[0] ?? 0,
    x1e: (x1s.at(-1) ?? 0) + step,
    x2: x2s[0] ?? 0,
    x2e: (x2s.at(-1) ?? 0) + step,
    url: `data:image/png;base64,${png}`,
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 360,
    height: 300,
    layer: [
      {
        data: { values: [extent] },
        // aria: false, or every point and the whole image are repeated in aria-label text.
        mark: { type: "image", aspect: false, opacity: 0.85, aria: false },
        encoding: {
          x: {
            field: "x1",
            type: "quantitative",
            title: "x₁",
            scale: { nice: false, zero: false },
          },
          x2: { field: "x1e" },
          y: {
            field: "x2",
            type: "quantitative",
            title: "x₂",
            scale: { nice: false, zero: false },
          },
          y2: { field: "x2e" },
          url: { field: "url", type: "nominal" },
        },
      },
      {
        data: { values: points },
        mark: {
          type: "point",
          filled: true,
          size: 18,
          stroke: "black",
          strokeWidth: 0.4,
          aria: false,
        },
        encoding: {
          x: { field: "x1", type: "quantitative" },
          y: { field: "x2", type: "quantitative" },
          shape: { field: "label", type: "nominal", title: "class" },
          fill: { value: "white" },
        },
      },
    ],
  } as ChartSpec;
}
