import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import * as vega from "vega";
import * as vl from "vega-lite";

/** A Vega-Lite specification (kept loose: the charts here build them as plain objects). */
export type ChartSpec = vl.TopLevelSpec;

/**
 * Renders a Vega-Lite spec to an SVG string headlessly (no browser, no canvas).
 *
 * @example
 * const svg = await renderSvg({ data: { values: [{ x: 1, y: 2 }] }, mark: "point",
 *   encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } } });
 */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Renders `spec` and writes it to `path` (folders are created).
 *
 * @example
 * await writeChart("out/loss.svg", lossCurves(rows));
 */
export async function writeChart(path: string, spec: ChartSpec): Promise<string> {
  const svg = await renderSvg(spec);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, svg);
  return path;
}
