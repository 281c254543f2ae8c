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
  const svg = compactSvg(await renderSvg(spec));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, svg);
  return path;
}

/**
 * Rounds the coordinates in geometry attributes (`d`, `transform`, `points`) to hundredths of a
 * pixel: Vega writes 14 decimals, which made dense figures several times larger for nothing
 * visible. Text (tick labels, titles) is left as it is.
 *
 * @example
 * compactSvg('<path transform="translate(1.23456,7)"/>'); // '<path transform="translate(1.23,7)"/>'
 */
export function compactSvg(svg: string): string {
  return svg.replace(
    / (d|transform|points)="([^"]*)"/g,
    (_m, name: string, value: string) => ` ${name}="${value.replace(/(\d+\.\d{2})\d+/g, "$1")}"`,
  );
}
