export * from "./charts.js";
export { type ChartSpec, renderSvg, writeChart } from "./render.js";
