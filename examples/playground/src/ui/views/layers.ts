// Per-layer views: the gradient norm of each Linear layer's weights (log scale, so vanishing and
// exploding gradients are visible as slopes) and the fraction of dead units in each hidden layer.
import {
  drawAxes,
  drawLegend,
  drawLine,
  drawMessage,
  type LegendItem,
  plotArea,
  prepareCanvas,
} from "../charts/plot.js";
import { linearScale, logScale } from "../charts/scale.js";
import { theme } from "../theme.js";
import type { TrainerState } from "../trainer.js";

function legendFor(states: readonly TrainerState[], box: boolean): LegendItem[] {
  return states.map((s, i) => ({
    label: s.config ? `${s.label}: ${s.config.activation}, depth ${s.config.depth}` : s.label,
    color: theme.configs[i] ?? theme.text,
    box,
  }));
}

/** Integer ticks only (layers are counted). */
const wholeTicks = (t: number) => Number.isInteger(t) && t >= 1;

/**
 * ‖∇W‖₂ of every Linear layer (1 = first, last = output layer) on a log axis.
 *
 * @example
 * drawGradNorms(canvas, [trainerA]);
 */
export function drawGradNorms(canvas: HTMLCanvasElement, states: readonly TrainerState[]): void {
  const surface = prepareCanvas(canvas);
  if (!surface) return;
  const series = states.map((s) => s.snapshot?.gradNorms ?? []);
  if (series.every((g) => g.length === 0)) {
    drawMessage(surface, "Gradient norms appear after the first step");
    return;
  }
  const area = plotArea(surface, 16 * states.length);
  const layers = Math.max(2, ...series.map((g) => g.length));
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const g of series)
    for (const v of g)
      if (Number.isFinite(v) && v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  const x = linearScale(1, layers, area.left + 8, area.right - 8, Math.min(10, layers), true);
  const y = logScale(lo, hi, area.bottom, area.top, 6);
  drawAxes(
    surface,
    area,
    x,
    y,
    { x: "Linear layer (input → output)", y: "‖∇W‖ (log)" },
    wholeTicks,
  );
  series.forEach((g, i) => {
    const color = theme.configs[i] ?? theme.text;
    // A zero norm (no gradient at all) sits on the bottom edge rather than vanishing from the plot.
    const ys = g.map((v) => (v === 0 ? y.domain[0] : v));
    drawLine(
      surface,
      area,
      x,
      y,
      g.map((_, k) => k + 1),
      ys,
      { color, markers: g.length <= 60 },
    );
  });
  drawLegend(surface, legendFor(states, false), area.left, 2, area.right);
}

/**
 * The fraction of dead units per hidden layer, as bars (grouped side by side in compare mode).
 *
 * @example
 * drawDeadUnits(canvas, [trainerA, trainerB]);
 */
export function drawDeadUnits(canvas: HTMLCanvasElement, states: readonly TrainerState[]): void {
  const surface = prepareCanvas(canvas);
  if (!surface) return;
  const series = states.map((s) => s.snapshot?.deadFraction ?? []);
  if (series.every((d) => d.length === 0)) {
    drawMessage(surface, "Dead-unit fractions appear after the first step");
    return;
  }
  const { ctx } = surface;
  const area = plotArea(surface, 16 * states.length);
  const layers = Math.max(1, ...series.map((d) => d.length));
  const x = linearScale(0.5, layers + 0.5, area.left, area.right, Math.min(10, layers), true);
  const y = linearScale(0, 1, area.bottom, area.top, 4);
  drawAxes(surface, area, x, y, { x: "hidden layer", y: "dead fraction" }, wholeTicks);
  const slot = (x(1) - x(0)) * 0.8;
  const barWidth = slot / states.length;
  series.forEach((d, i) => {
    ctx.fillStyle = theme.configs[i] ?? theme.text;
    d.forEach((v, k) => {
      if (!Number.isFinite(v)) return;
      const left = x(k + 1) - slot / 2 + i * barWidth;
      const top = y(Math.min(1, Math.max(0, v)));
      // NOTE: a layer with no dead units still gets a 1-px line, so "0" is seen as measured.
      ctx.fillRect(
        left,
        Math.min(top, area.bottom - 1),
        Math.max(1, barWidth - 1),
        Math.max(1, area.bottom - top),
      );
    });
  });
  drawLegend(surface, legendFor(states, true), area.left, 2, area.right);
}
