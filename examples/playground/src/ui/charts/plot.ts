// Drawing primitives shared by the views: a crisp canvas at the device's pixel ratio, a framed plot
// area with ticks and axis labels, lines, and a legend.
import { theme } from "../theme.js";
import type { Scale } from "./scale.js";

/** A 2-D context sized to the canvas's CSS box, in CSS pixels. */
export interface Surface {
  readonly ctx: CanvasRenderingContext2D;
  readonly width: number;
  readonly height: number;
}

/**
 * Sizes the canvas's backing store to its CSS box times devicePixelRatio and clears it.
 *
 * @example
 * const { ctx, width, height } = prepareCanvas(canvas);
 */
export function prepareCanvas(canvas: HTMLCanvasElement): Surface | undefined {
  const ctx = canvas.getContext("2d");
  if (!ctx) return undefined;
  const ratio = globalThis.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth));
  const height = Math.max(1, Math.round(canvas.clientHeight));
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = theme.font;
  return { ctx, width, height };
}

/** The plot area inside the margins that hold the tick labels and axis titles. */
export interface Area {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Margins that leave room for y tick labels on the left and x labels at the bottom. */
export function plotArea(surface: Surface, extraTop = 0): Area {
  return {
    left: 60,
    top: 10 + extraTop,
    right: surface.width - 12,
    bottom: surface.height - 36,
  };
}

/**
 * Axes with grid lines at the ticks, tick labels and axis titles.
 *
 * @example
 * drawAxes(surface, area, x, y, { x: "step", y: "loss" });
 */
export function drawAxes(
  { ctx, width }: Surface,
  area: Area,
  x: Scale,
  y: Scale,
  titles: { x: string; y: string },
  xTickFilter: (value: number) => boolean = () => true,
): void {
  ctx.save();
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.grid;
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const t of y.ticks) {
    const py = Math.round(y(t)) + 0.5;
    if (py < area.top - 1 || py > area.bottom + 1) continue;
    ctx.beginPath();
    ctx.moveTo(area.left, py);
    ctx.lineTo(area.right, py);
    ctx.stroke();
    ctx.fillText(y.format(t), area.left - 6, py);
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  let lastRight = Number.NEGATIVE_INFINITY;
  for (const t of x.ticks) {
    if (!xTickFilter(t)) continue;
    const px = Math.round(x(t)) + 0.5;
    if (px < area.left - 1 || px > area.right + 1) continue;
    const label = x.format(t);
    const half = ctx.measureText(label).width / 2;
    ctx.beginPath();
    ctx.moveTo(px, area.top);
    ctx.lineTo(px, area.bottom);
    ctx.stroke();
    // The last label may stick out of the plot: shift it to stay inside the canvas.
    const cx = Math.min(px, width - half - 1);
    if (cx - half > lastRight + 4) {
      ctx.fillText(label, cx, area.bottom + 5);
      lastRight = cx + half;
    }
  }
  ctx.strokeStyle = theme.axis;
  ctx.beginPath();
  ctx.moveTo(area.left + 0.5, area.top);
  ctx.lineTo(area.left + 0.5, area.bottom + 0.5);
  ctx.lineTo(area.right, area.bottom + 0.5);
  ctx.stroke();
  ctx.fillStyle = theme.text;
  ctx.fillText(titles.x, (area.left + area.right) / 2, area.bottom + 20);
  ctx.translate(10, (area.top + area.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = "middle";
  ctx.fillText(titles.y, 0, 0);
  ctx.restore();
}

/** How a series is stroked. */
export interface LineStyle {
  readonly color: string;
  readonly dash?: readonly number[];
  readonly width?: number;
  readonly markers?: boolean;
}

/**
 * A polyline through (xs[i], ys[i]), clipped to the area; non-finite points break the line.
 *
 * @example
 * drawLine(surface, area, x, y, steps, losses, { color: "#2563eb" });
 */
export function drawLine(
  { ctx }: Surface,
  area: Area,
  x: Scale,
  y: Scale,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  style: LineStyle,
): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.left, area.top - 4, area.right - area.left, area.bottom - area.top + 8);
  ctx.clip();
  ctx.strokeStyle = style.color;
  ctx.fillStyle = style.color;
  ctx.lineWidth = style.width ?? 1.75;
  ctx.lineJoin = "round";
  ctx.setLineDash(style.dash ? [...style.dash] : []);
  ctx.beginPath();
  let pen = false;
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const vx = xs[i] ?? Number.NaN;
    const vy = ys[i] ?? Number.NaN;
    if (!Number.isFinite(vx) || !Number.isFinite(vy)) {
      pen = false;
      continue;
    }
    const px = x(vx);
    const py = y(vy);
    if (pen) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    pen = true;
  }
  ctx.stroke();
  if (style.markers) {
    ctx.setLineDash([]);
    for (let i = 0; i < n; i++) {
      const vx = xs[i] ?? Number.NaN;
      const vy = ys[i] ?? Number.NaN;
      if (!Number.isFinite(vx) || !Number.isFinite(vy)) continue;
      ctx.beginPath();
      ctx.arc(x(vx), y(vy), 2.5, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  ctx.restore();
}

/** One entry of a legend: a line sample (with its dash) or a filled box. */
export interface LegendItem {
  readonly label: string;
  readonly color: string;
  readonly dash?: readonly number[];
  readonly box?: boolean;
}

/**
 * A one-row legend, left to right from (x, y); wraps when it reaches maxX.
 *
 * @example
 * drawLegend(surface, [{ label: "A train", color: "#2563eb" }], 60, 4);
 */
export function drawLegend(
  { ctx }: Surface,
  items: readonly LegendItem[],
  x: number,
  y: number,
  maxX = Number.POSITIVE_INFINITY,
): void {
  ctx.save();
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  let cx = x;
  let cy = y + 7;
  for (const item of items) {
    const w = 22 + ctx.measureText(item.label).width + 14;
    if (cx + w > maxX && cx > x) {
      cx = x;
      cy += 16;
    }
    ctx.strokeStyle = item.color;
    ctx.fillStyle = item.color;
    if (item.box) ctx.fillRect(cx, cy - 5, 16, 10);
    else {
      ctx.lineWidth = 2;
      ctx.setLineDash(item.dash ? [...item.dash] : []);
      ctx.beginPath();
      ctx.moveTo(cx, cy);
      ctx.lineTo(cx + 16, cy);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = theme.text;
    ctx.fillText(item.label, cx + 22, cy);
    cx += w;
  }
  ctx.restore();
}

/** A centred message in place of a chart (no data yet, a diverged run, …). */
export function drawMessage({ ctx, width, height }: Surface, message: string): void {
  ctx.save();
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(message, width / 2, height / 2);
  ctx.restore();
}
