// The activation f and its derivative f′ over the histogram of one hidden layer's pre-activations:
// where the mass sits relative to the flat parts of f shows saturation (and dead ReLUs) directly.
import {
  drawAxes,
  drawLegend,
  drawLine,
  drawMessage,
  plotArea,
  prepareCanvas,
} from "../charts/plot.js";
import { linearScale } from "../charts/scale.js";
import { theme } from "../theme.js";
import type { TrainerState } from "../trainer.js";

/**
 * Draws `state`'s inspected layer: histogram bars (scaled to the plot height), f solid, f′ dashed.
 *
 * @example
 * drawActivation(canvas, trainerA);
 */
export function drawActivation(
  canvas: HTMLCanvasElement,
  state: TrainerState,
  color: string,
): void {
  const surface = prepareCanvas(canvas);
  if (!surface) return;
  const inspect = state.snapshot?.inspect;
  if (!inspect) {
    drawMessage(surface, "Building the model…");
    return;
  }
  const { ctx } = surface;
  const { histogram, curve } = inspect;
  const area = plotArea(surface, 16);
  let xLo = Math.min(...curve.x, histogram.edges[0] ?? 0);
  let xHi = Math.max(...curve.x, histogram.edges.at(-1) ?? 0);
  if (!Number.isFinite(xLo) || !Number.isFinite(xHi)) [xLo, xHi] = [-4, 4];
  let yLo = 0;
  let yHi = 1;
  for (const v of [...curve.f, ...curve.df])
    if (Number.isFinite(v)) {
      yLo = Math.min(yLo, v);
      yHi = Math.max(yHi, v);
    }
  const x = linearScale(xLo, xHi, area.left, area.right, 6);
  const y = linearScale(yLo, yHi, area.bottom, area.top, 5);
  drawAxes(surface, area, x, y, {
    x: `pre-activation, hidden layer ${inspect.layer + 1}`,
    y: "f, f′",
  });

  // Histogram: its own vertical scale, the tallest bar at 90 % of the plot height.
  const maxCount = Math.max(1, ...histogram.counts);
  ctx.fillStyle = theme.bars;
  histogram.counts.forEach((count, i) => {
    const a = histogram.edges[i];
    const b = histogram.edges[i + 1];
    if (a === undefined || b === undefined || count <= 0) return;
    const h = (count / maxCount) * 0.9 * (area.bottom - area.top);
    const left = Math.max(area.left, x(a));
    const right = Math.min(area.right, x(b));
    if (right > left) ctx.fillRect(left, area.bottom - h, Math.max(1, right - left - 1), h);
  });
  drawLine(surface, area, x, y, curve.x, curve.f, { color, width: 2 });
  drawLine(surface, area, x, y, curve.x, curve.df, {
    color: theme.derivative,
    dash: [5, 4],
    width: 2,
  });
  const name = state.config?.activation ?? "f";
  drawLegend(
    surface,
    [
      { label: `${state.label}: ${name}`, color },
      { label: "f′", color: theme.derivative, dash: [5, 4] },
      { label: "pre-activations", color: theme.bars, box: true },
    ],
    area.left,
    2,
    area.right,
  );
}
