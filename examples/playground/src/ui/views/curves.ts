// Train and test loss (or accuracy) against the step, one colour per configuration, train solid
// and test dashed.
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
import type { History, TrainerState } from "../trainer.js";

const testDash = [5, 4] as const;

/** Every `stride`-th element (and the last), so that a long history costs about 2 points per pixel. */
export function thin(values: readonly number[], maxPoints: number): number[] {
  if (values.length <= maxPoints) return [...values];
  const stride = Math.ceil(values.length / maxPoints);
  const out: number[] = [];
  for (let i = 0; i < values.length; i += stride) out.push(values[i] ?? Number.NaN);
  if ((values.length - 1) % stride !== 0) out.push(values[values.length - 1] ?? Number.NaN);
  return out;
}

/**
 * Loss (log scale) or accuracy (0 … 1) curves of every trainer into `canvas`.
 *
 * @example
 * drawCurves(canvas, [trainerA, trainerB], "loss");
 */
export function drawCurves(
  canvas: HTMLCanvasElement,
  states: readonly TrainerState[],
  metric: "loss" | "accuracy",
): void {
  const surface = prepareCanvas(canvas);
  if (!surface) return;
  const keys: [keyof History, keyof History] =
    metric === "loss" ? ["trainLoss", "testLoss"] : ["trainAcc", "testAcc"];
  const withData = states.filter((s) => s.history.step.length > 0);
  if (withData.length === 0) {
    drawMessage(surface, "Press play (or step) to train");
    return;
  }
  const legendRows = states.length > 1 ? 2 : 1;
  const area = plotArea(surface, 16 * legendRows);
  let maxStep = 1;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of withData) {
    maxStep = Math.max(maxStep, s.history.step.at(-1) ?? 1);
    for (const key of keys)
      for (const v of s.history[key]) {
        if (!Number.isFinite(v)) continue;
        if (metric === "loss" && v <= 0) continue;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  }
  const x = linearScale(0, maxStep, area.left, area.right, 6);
  const y =
    metric === "loss"
      ? logScale(lo, hi, area.bottom, area.top, 5)
      : linearScale(0, 1, area.bottom, area.top, 5);
  drawAxes(surface, area, x, y, { x: "step", y: metric === "loss" ? "loss (log)" : "accuracy" });
  const maxPoints = Math.max(50, Math.round((area.right - area.left) * 2));
  const legend: LegendItem[] = [];
  states.forEach((s, i) => {
    const color = theme.configs[i] ?? theme.text;
    const steps = thin(s.history.step, maxPoints);
    keys.forEach((key, k) => {
      const dash = k === 1 ? testDash : undefined;
      drawLine(surface, area, x, y, steps, thin(s.history[key], maxPoints), {
        color,
        ...(dash ? { dash } : {}),
      });
      const prefix = states.length > 1 ? `${s.label} ` : "";
      legend.push({
        label: `${prefix}${k === 0 ? "train" : "test"}`,
        color,
        ...(dash ? { dash } : {}),
      });
    });
  });
  drawLegend(surface, legend, area.left, 2, area.right);
}
