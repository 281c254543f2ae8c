import { join } from "node:path";
import { type ChartSpec, writeChart } from "../plots/index.js";
import type { BandPoint, ClaimsAnalysis } from "./analysis.js";

interface BandChartOptions {
  title: string;
  x: { title: string; log?: boolean; integer?: boolean };
  y: { title: string; log?: boolean; domain?: [number, number] };
  seriesTitle: string;
  /** Free y scales across facet columns (for panels of different quantities). */
  independentY?: boolean;
  width?: number;
  height?: number;
}

/**
 * Mean lines with a shaded 95% interval per series, faceted by the points' `row` and `col`
 * when present.
 *
 * @example
 * bandChart([{ x: 10, y: 0.95, lo: 0.94, hi: 0.96, series: "relu" }], {
 *   title: "Accuracy", x: { title: "depth" }, y: { title: "accuracy" }, seriesTitle: "activation" });
 */
export function bandChart(points: BandPoint[], options: BandChartOptions): ChartSpec {
  const x = {
    field: "x",
    type: "quantitative",
    title: options.x.title,
    ...(options.x.log ? { scale: { type: "log" } } : {}),
    ...(options.x.integer ? { axis: { tickMinStep: 1, format: "d" } } : {}),
  };
  const yScale = {
    ...(options.y.log ? { type: "log" } : {}),
    ...(options.y.domain ? { domain: options.y.domain } : {}),
    ...(options.y.log ? {} : { zero: false }),
  };
  const color = {
    field: "series",
    type: "nominal",
    title: options.seriesTitle,
    sort: null,
    scale: { scheme: "tableau10" },
  };
  const layer = {
    width: options.width ?? 260,
    height: options.height ?? 180,
    layer: [
      {
        mark: { type: "area", opacity: 0.18, clip: true },
        encoding: {
          x,
          y: { field: "lo", type: "quantitative", scale: yScale, title: options.y.title },
          y2: { field: "hi" },
          color,
        },
      },
      {
        mark: { type: "line", strokeWidth: 1.6, point: { size: 18 }, clip: true },
        encoding: {
          x,
          y: { field: "y", type: "quantitative", scale: yScale, title: options.y.title },
          color,
        },
      },
    ],
  };
  const hasRow = points.some((p) => p.row !== undefined);
  const hasCol = points.some((p) => p.col !== undefined);
  // Panels in the order the points first name them (Vega-Lite would sort them alphabetically).
  const order = (key: "row" | "col") => [...new Set(points.map((p) => p[key]))];
  // A log axis cannot show a band reaching 0 or below: such a band is cut at the mean.
  const values = options.y.log ? points.map((p) => ({ ...p, lo: p.lo > 0 ? p.lo : p.y })) : points;
  const base = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: options.title,
    data: { values },
  };
  if (!hasRow && !hasCol) return { ...base, ...layer } as unknown as ChartSpec;
  return {
    ...base,
    facet: {
      ...(hasRow
        ? { row: { field: "row", type: "nominal", title: null, sort: order("row") } }
        : {}),
      ...(hasCol
        ? { column: { field: "col", type: "nominal", title: null, sort: order("col") } }
        : {}),
    },
    spec: layer,
    ...(options.independentY ? { resolve: { scale: { y: "independent" } } } : {}),
  } as unknown as ChartSpec;
}

/**
 * The five figures of the claims run, as `<dir>/<claim>.svg`; returns the paths written.
 *
 * @example
 * await writeClaimFigures("docs/claims", analyseClaims(config, results));
 */
export async function writeClaimFigures(dir: string, analysis: ClaimsAnalysis): Promise<string[]> {
  const f = analysis.figures;
  const band = "line: mean over seeds; band: 95% interval";
  return Promise.all([
    writeChart(
      join(dir, "vanishing.svg"),
      bandChart(f.vanishing, {
        title: `Gradient norm ‖∂loss/∂W‖ by layer on MNIST (${band}, geometric)`,
        x: { title: "layer (1 = first, last = output)", integer: true },
        y: { title: "‖∂loss/∂W‖", log: true },
        seriesTitle: "activation",
      }),
    ),
    writeChart(
      join(dir, "dying.svg"),
      bandChart(f.dying, {
        title: `Dead ReLU-family units during training on MNIST (${band})`,
        x: { title: "epoch (0 = initialisation)", integer: true },
        y: { title: "fraction of hidden units dead", domain: [0, 1] },
        seriesTitle: "activation",
        width: 170,
        height: 150,
      }),
    ),
    writeChart(
      join(dir, "depth.svg"),
      bandChart(f.depth, {
        title: `Held-out MNIST accuracy by depth (${band})`,
        x: { title: "hidden layers", integer: true },
        y: { title: "held-out accuracy", domain: [0, 1] },
        seriesTitle: "activation",
        width: 420,
        height: 260,
      }),
    ),
    writeChart(
      join(dir, "selu.svg"),
      bandChart(f.selu, {
        title: `Activation statistics by layer, LeCun-normal init, MNIST input (${band})`,
        x: { title: "layer", integer: true },
        y: { title: "value" },
        seriesTitle: "activation",
        independentY: true,
      }),
    ),
    writeChart(
      join(dir, "softmax.svg"),
      bandChart(f.softmax, {
        title: `softmax(z/T) on held-out MNIST logits as T falls (${band})`,
        x: { title: "temperature T", log: true },
        y: { title: "value", log: true },
        seriesTitle: "",
        independentY: true,
      }),
    ),
  ]);
}
