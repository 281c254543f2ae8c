import type { Tensor } from "./tensor.js";

const MAX_ELEMENTS = 1000;
const EDGE = 3;

/** PyTorch-style rendering: `tensor([[1.0000, 2.0000]], dtype=float64, requiresGrad=true)`. */
export function formatTensor(t: Tensor): string {
  const data = t._data;
  const float = t.dtype !== "int32";
  const summarize = t.size > MAX_ELEMENTS;
  let useSci = false;
  if (float) {
    let maxAbs = 0;
    let minAbs = Infinity;
    for (let i = 0; i < data.length; i++) {
      const a = Math.abs(data[i] as number);
      if (!Number.isFinite(a)) continue;
      if (a > maxAbs) maxAbs = a;
      if (a > 0 && a < minAbs) minAbs = a;
    }
    useSci = maxAbs >= 1e8 || (minAbs < 1e-4 && minAbs !== Infinity);
  }
  const num = (v: number): string => {
    if (!float) return String(v);
    if (Number.isNaN(v)) return "nan";
    if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
    return useSci ? v.toExponential(4) : v.toFixed(4);
  };
  const indent = "tensor(".length;
  const render = (offset: number, dim: number): string => {
    if (t.ndim === 0) return num(data[0] as number);
    const n = t.shape[dim] as number;
    let stride = 1;
    for (let d = dim + 1; d < t.ndim; d++) stride *= t.shape[d] as number;
    const items: string[] = [];
    const push = (i: number) => {
      items.push(
        dim === t.ndim - 1 ? num(data[offset + i] as number) : render(offset + i * stride, dim + 1),
      );
    };
    if (summarize && n > 2 * EDGE) {
      for (let i = 0; i < EDGE; i++) push(i);
      items.push("...");
      for (let i = n - EDGE; i < n; i++) push(i);
    } else for (let i = 0; i < n; i++) push(i);
    const sep =
      dim === t.ndim - 1
        ? ", "
        : `,${"\n".repeat(t.ndim - dim - 1)}${" ".repeat(indent + dim + 1)}`;
    return `[${items.join(sep)}]`;
  };
  const extras: string[] = [];
  if (t.dtype !== "float32") extras.push(`dtype=${t.dtype}`);
  if (t.ndim > 0 && t.size === 0) extras.push(`shape=[${t.shape.join(", ")}]`);
  if (t.gradFn) extras.push(`gradFn=${t.gradFn}`);
  else if (t.requiresGrad) extras.push("requiresGrad=true");
  if (t.name) extras.push(`name=${t.name}`);
  return `tensor(${render(0, 0)}${extras.length ? `, ${extras.join(", ")}` : ""})`;
}
