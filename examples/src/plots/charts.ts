import type { ChartSpec } from "./render.js";

/** One sample of an activation and its derivative. */
export interface ActivationPoint {
  activation: string;
  x: number;
  value: number;
  series: "f(x)" | "f′(x)";
}

/**
 * Small multiples: every activation and its derivative, one panel each.
 *
 * @example
 * activationGallery([{ activation: "relu", x: 1, value: 1, series: "f(x)" }]);
 */
export function activationGallery(points: ActivationPoint[], columns = 4): ChartSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Activation functions (solid) and their derivatives (dashed)",
    data: { values: points },
    facet: { field: "activation", type: "nominal", title: null, sort: null },
    columns,
    spec: {
      width: 150,
      height: 110,
      mark: { type: "line", strokeWidth: 1.8, clip: true },
      encoding: {
        x: { field: "x", type: "quantitative", title: "x" },
        y: { field: "value", type: "quantitative", title: null, scale: { domain: [-1.5, 3] } },
        color: { field: "series", type: "nominal", title: null },
        strokeDash: { field: "series", type: "nominal", title: null },
      },
    },
    resolve: { scale: { y: "shared" } },
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
 * One line per activation over a quantitative x, log-scaled y, 20 distinct colours (the study
 * compares twelve activations).
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
        scale: { scheme: "tableau20" },
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
 * A model's decision regions (heat map of P(class 1)) with the data points on top.
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
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 360,
    height: 300,
    layer: [
      {
        data: { values: grid.map((g) => ({ ...g, x1e: g.x1 + step, x2e: g.x2 + step })) },
        mark: { type: "rect", opacity: 0.85 },
        encoding: {
          x: { field: "x1", type: "quantitative", title: "x₁" },
          x2: { field: "x1e" },
          y: { field: "x2", type: "quantitative", title: "x₂" },
          y2: { field: "x2e" },
          color: {
            field: "p",
            type: "quantitative",
            title: "P(class 1)",
            scale: { scheme: "blueorange", domain: [0, 1] },
          },
        },
      },
      {
        data: { values: points },
        mark: { type: "point", filled: true, size: 18, stroke: "black", strokeWidth: 0.4 },
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
