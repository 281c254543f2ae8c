// The decision boundary: P(label 1) over the plane as a colour map, the train and test points on
// top, and a legend (colour bar and point markers) underneath.
import type { Point } from "../../engine/protocol.js";
import { drawMessage, prepareCanvas } from "../charts/plot.js";
import { niceTicks } from "../charts/scale.js";
import { classColor, classColors, theme } from "../theme.js";
import type { TrainerState } from "../trainer.js";

/** The colour for P(label 1) = p: class 0's colour at 0, white at ½, class 1's at 1. */
export function probabilityColor(p: number): [number, number, number] {
  const q = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0.5;
  const [r, g, b] = q < 0.5 ? classColors[0] : classColors[1];
  // NOTE: at most 70 % of the class colour, so the points (drawn at full strength) stay visible.
  const t = Math.abs(q - 0.5) * 2 * 0.7;
  return [255 + (r - 255) * t, 255 + (g - 255) * t, 255 + (b - 255) * t].map(Math.round) as [
    number,
    number,
    number,
  ];
}

const legendHeight = 44;

/**
 * Draws one trainer's decision boundary and data into `canvas`.
 *
 * @example
 * drawBoundary(canvas, trainerA, { showTest: true });
 */
export function drawBoundary(
  canvas: HTMLCanvasElement,
  state: TrainerState,
  options: { showTest: boolean },
): void {
  const surface = prepareCanvas(canvas);
  if (!surface) return;
  const { ctx, width, height } = surface;
  const boundary = state.snapshot?.boundary;
  if (!boundary) {
    drawMessage(surface, state.error ? "No model: see the message above" : "Building the model…");
    return;
  }
  const left = 34;
  const top = 6;
  const side = Math.max(40, Math.min(width - left - 8, height - top - 22 - legendHeight));
  const x0 = left + Math.max(0, (width - left - 8 - side) / 2);
  const { resolution: n, xMin, xMax, yMin, yMax, probs } = boundary;
  const px = (x: number) => x0 + ((x - xMin) / (xMax - xMin)) * side;
  const py = (y: number) => top + side - ((y - yMin) / (yMax - yMin)) * side;

  // The grid: row r of `probs` is y from yMin upwards (row 0 = yMin), so it is drawn bottom-up.
  const image = new ImageData(n, n);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const [r, g, b] = probabilityColor(probs[row * n + col] ?? Number.NaN);
      const o = ((n - 1 - row) * n + col) * 4;
      image.data[o] = r;
      image.data[o + 1] = g;
      image.data[o + 2] = b;
      image.data[o + 3] = 255;
    }
  }
  const cells = document.createElement("canvas");
  cells.width = n;
  cells.height = n;
  cells.getContext("2d")?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(cells, x0, top, side, side);
  ctx.strokeStyle = theme.axis;
  ctx.strokeRect(x0 + 0.5, top + 0.5, side - 1, side - 1);

  // Ticks on both axes.
  ctx.fillStyle = theme.muted;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const t of niceTicks(xMin, xMax, 4)) {
    if (t >= xMin && t <= xMax) ctx.fillText(String(t), px(t), top + side + 4);
  }
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const t of niceTicks(yMin, yMax, 4)) {
    if (t >= yMin && t <= yMax) ctx.fillText(String(t), x0 - 4, py(t));
  }

  const dot = (p: Point, test: boolean) => {
    ctx.beginPath();
    ctx.arc(px(p.x), py(p.y), test ? 3.2 : 3.5, 0, 2 * Math.PI);
    if (test) {
      ctx.fillStyle = "#fff";
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = classColor(p.label);
    } else {
      ctx.fillStyle = classColor(p.label);
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = "#fff";
    }
    ctx.stroke();
  };
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, top, side, side);
  ctx.clip();
  for (const p of state.train) dot(p, false);
  if (options.showTest) for (const p of state.test) dot(p, true);
  ctx.restore();

  drawBoundaryLegend(ctx, x0, top + side + 22, Math.min(side, width - x0 - 4), options.showTest);
}

function drawBoundaryLegend(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  width: number,
  showTest: boolean,
): void {
  const barWidth = Math.max(60, Math.min(150, width - 150));
  const gradient = ctx.createLinearGradient(x, 0, x + barWidth, 0);
  for (let i = 0; i <= 10; i++) {
    const [r, g, b] = probabilityColor(i / 10);
    gradient.addColorStop(i / 10, `rgb(${r}, ${g}, ${b})`);
  }
  ctx.fillStyle = gradient;
  ctx.fillRect(x, y, barWidth, 10);
  ctx.strokeStyle = theme.axis;
  ctx.strokeRect(x + 0.5, y + 0.5, barWidth - 1, 9);
  ctx.fillStyle = theme.muted;
  ctx.textBaseline = "top";
  ctx.textAlign = "left";
  ctx.fillText("0", x, y + 12);
  ctx.textAlign = "center";
  ctx.fillText("P(class 1)", x + barWidth / 2, y + 12);
  ctx.textAlign = "right";
  ctx.fillText("1", x + barWidth, y + 12);

  // Point markers: filled = train, ring = test.
  let cx = x + barWidth + 16;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  const marker = (label: string, test: boolean) => {
    ctx.beginPath();
    ctx.arc(cx + 4, y + 5, 3.5, 0, 2 * Math.PI);
    ctx.fillStyle = test ? "#fff" : theme.muted;
    ctx.fill();
    ctx.lineWidth = test ? 2 : 1;
    ctx.strokeStyle = theme.muted;
    ctx.stroke();
    ctx.fillStyle = theme.text;
    ctx.fillText(label, cx + 11, y + 5);
    cx += 16 + ctx.measureText(label).width + 10;
  };
  marker("train", false);
  if (showTest) marker("test", true);
}
