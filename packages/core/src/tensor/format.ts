import type { Tensor } from "./tensor.js";

/** Above this many elements a tensor prints summarised, as PyTorch's `threshold`. */
export const PRINT_THRESHOLD = 1000;
/** Elements kept at each end of a summarised axis, as PyTorch's `edgeitems`. */
export const PRINT_EDGE_ITEMS = 3;
/** Rows are wrapped to this many characters, as PyTorch's `linewidth`. */
export const PRINT_LINE_WIDTH = 80;
const PREFIX = "tensor(";

/**
 * PyTorch-style rendering, used by `Tensor.toString` and by Node's `console.log`/`util.inspect`:
 * values with four decimals (scientific notation when magnitudes are tiny, huge, or more than three
 * decades apart), padded to one width and wrapped at 80 columns; tensors over 1000 elements show
 * three items at each end of every axis around `...`. Then the dtype, and `gradFn=<op>` for a
 * tensor made by a recorded op or `requiresGrad=true` for a leaf that requires grad.
 *
 * @example
 * formatTensor(tensor([1, 2], { requiresGrad: true }));
 * // tensor([1.0000, 2.0000], dtype=float32, requiresGrad=true)
 */
export function formatTensor(t: Tensor): string {
  const data = t._data;
  const shape = t.shape;
  const summarize = t.size > PRINT_THRESHOLD;
  const strides: number[] = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--)
    strides[d] = (strides[d + 1] ?? 1) * (shape[d + 1] ?? 1);

  // The indices shown along an axis of length n: all, or the edges around a gap (-1).
  const shown = (n: number): number[] => {
    if (!summarize || n <= 2 * PRINT_EDGE_ITEMS) return Array.from({ length: n }, (_, i) => i);
    const head = Array.from({ length: PRINT_EDGE_ITEMS }, (_, i) => i);
    const tail = Array.from({ length: PRINT_EDGE_ITEMS }, (_, i) => n - PRINT_EDGE_ITEMS + i);
    return [...head, -1, ...tail];
  };

  // Every value that will be printed, to choose one notation and one width for all of them.
  const visible: number[] = [];
  const collect = (offset: number, dim: number): void => {
    if (dim === shape.length) {
      visible.push(data[offset] ?? Number.NaN);
      return;
    }
    for (const i of shown(shape[dim] ?? 0))
      if (i >= 0) collect(offset + i * (strides[dim] ?? 1), dim + 1);
  };
  if (t.size > 0) collect(0, 0);
  const num = numberFormat(visible, t.dtype === "int32");
  const width = visible.reduce((w, v) => Math.max(w, num(v).length), 0);
  const cell = (v: number): string => num(v).padStart(width);

  const render = (offset: number, dim: number): string => {
    if (shape.length === 0) return cell(data[0] ?? Number.NaN);
    const indent = " ".repeat(PREFIX.length + dim + 1);
    const items = shown(shape[dim] ?? 0).map((i) => {
      // PyTorch writes " ..." in a row of numbers and "..." for a gap between rows.
      if (i < 0) return dim === shape.length - 1 ? " ..." : "...";
      const at = offset + i * (strides[dim] ?? 1);
      return dim === shape.length - 1 ? cell(data[at] ?? Number.NaN) : render(at, dim + 1);
    });
    if (dim === shape.length - 1) {
      // NOTE: as PyTorch, as many items per line as fit in the line width after the indent.
      const perLine = Math.max(1, Math.floor((PRINT_LINE_WIDTH - indent.length) / (width + 2)));
      const lines: string[] = [];
      for (let i = 0; i < items.length; i += perLine)
        lines.push(items.slice(i, i + perLine).join(", "));
      return `[${lines.join(`,\n${indent}`)}]`;
    }
    const gap = "\n".repeat(shape.length - dim - 1);
    return `[${items.join(`,${gap}${indent}`)}]`;
  };

  const extras: string[] = [];
  if (t.size === 0 && shape.length > 1) extras.push(`shape=[${shape.join(", ")}]`);
  extras.push(`dtype=${t.dtype}`);
  if (t.gradFn) extras.push(`gradFn=${t.gradFn}`);
  else if (t.requiresGrad) extras.push("requiresGrad=true");
  if (t.name) extras.push(`name=${t.name}`);
  const body = t.size === 0 ? "[]" : render(0, 0);
  return `${PREFIX}${body}, ${extras.join(", ")})`;
}

/** One notation for all printed values, chosen as PyTorch's `_Formatter` does. */
function numberFormat(values: readonly number[], integer: boolean): (v: number) => string {
  if (integer) return (v) => String(v);
  let maxAbs = 0;
  let minAbs = Number.POSITIVE_INFINITY;
  for (const v of values) {
    const a = Math.abs(v);
    if (!Number.isFinite(a) || a === 0) continue;
    maxAbs = Math.max(maxAbs, a);
    minAbs = Math.min(minAbs, a);
  }
  // NOTE: PyTorch's rule: scientific when the largest magnitude reaches 1e8, the smallest is under
  // 1e-4, or they are more than three decades apart (fixed notation would hide the small ones).
  const scientific = maxAbs > 0 && (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1000);
  return (v) => {
    if (Number.isNaN(v)) return "nan";
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    if (!scientific) return v.toFixed(4);
    // toExponential gives "1.0000e-5"; PyTorch (and C's printf) write "1.0000e-05".
    return v.toExponential(4).replace(/e([+-])(\d)$/, "e$10$2");
  };
}
