// Plain-JS closed forms of the losses, written from PyTorch's documented definitions, independent
// of the code under test.

export type Red = "mean" | "sum" | "none";

export function reduceRef(values: number[], reduction: Red, denominator = values.length): number[] {
  if (reduction === "none") return values;
  const s = values.reduce((a, b) => a + b, 0);
  return [reduction === "sum" ? s : s / denominator];
}

export function logSoftmaxRef(row: number[]): number[] {
  const m = Math.max(...row);
  const lse = m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
  return row.map((v) => v - lse);
}

export interface CeRefOptions {
  weight?: number[];
  ignoreIndex?: number;
  eps?: number;
  reduction: Red;
}

/** Cross-entropy of logit rows with class indices (PyTorch's definition, label smoothing included). */
export function ceIndexRef(rows: number[][], targets: number[], o: CeRefOptions): number[] {
  const C = rows[0]?.length as number;
  const w = o.weight ?? new Array<number>(C).fill(1);
  const eps = o.eps ?? 0;
  let denom = 0;
  const losses = rows.map((row, n) => {
    const t = targets[n] as number;
    if (t === (o.ignoreIndex ?? -100)) return 0;
    const lp = logSoftmaxRef(row);
    denom += w[t] as number;
    const nll = -(w[t] as number) * (lp[t] as number);
    const smooth = -lp.reduce((s, v, c) => s + (w[c] as number) * v, 0);
    return (1 - eps) * nll + (eps / C) * smooth;
  });
  return reduceRef(losses, o.reduction, denom);
}

/** Cross-entropy of logit rows with class probabilities (mean divides by the number of rows). */
export function ceProbRef(rows: number[][], probs: number[][], o: CeRefOptions): number[] {
  const C = rows[0]?.length as number;
  const w = o.weight ?? new Array<number>(C).fill(1);
  const eps = o.eps ?? 0;
  const losses = rows.map((row, n) => {
    const lp = logSoftmaxRef(row);
    return -lp.reduce(
      (s, v, c) => s + (w[c] as number) * ((1 - eps) * (probs[n]?.[c] as number) + eps / C) * v,
      0,
    );
  });
  return reduceRef(losses, o.reduction);
}

export function bceRef(
  x: number[],
  y: number[],
  w: number[] | undefined,
  reduction: Red,
): number[] {
  const losses = x.map((xi, i) => {
    const yi = y[i] as number;
    const l = -(yi * Math.max(Math.log(xi), -100) + (1 - yi) * Math.max(Math.log(1 - xi), -100));
    return l * (w?.[i] ?? 1);
  });
  return reduceRef(losses, reduction);
}

export function bceLogitsRef(
  x: number[],
  y: number[],
  w: number[] | undefined,
  pw: number[] | undefined,
  reduction: Red,
): number[] {
  const losses = x.map((xi, i) => {
    const yi = y[i] as number;
    const s = 1 / (1 + Math.exp(-xi));
    const p = pw?.[i] ?? 1;
    return -(w?.[i] ?? 1) * (p * yi * Math.log(s) + (1 - yi) * Math.log(1 - s));
  });
  return reduceRef(losses, reduction);
}
