import type { ClaimsConfig } from "./config.js";
import { FRACTION, formatSummary, type Summary, summarize } from "./stats.js";
import type {
  ClaimTask,
  ClaimTaskResult,
  DepthResult,
  DyingResult,
  SeluResult,
  SoftmaxResult,
  VanishingResult,
} from "./tasks.js";

export type Verdict = "holds" | "partly holds" | "does not hold" | "not settled";

/** One claim of the lecture: what it says, what was measured, and the verdict. */
export interface ClaimReport {
  id: "vanishing" | "dying" | "depth" | "selu" | "softmax";
  claim: string;
  verdict: Verdict;
  /** The evidence in one or two sentences, with intervals. */
  finding: string;
  /** Per-configuration numbers: mean ± std [95% interval] over seeds. */
  table: { head: string[]; rows: string[][] };
}

/** A point of a figure: mean over seeds with its 95% interval. */
export interface BandPoint {
  x: number;
  y: number;
  lo: number;
  hi: number;
  series: string;
  row?: string;
  col?: string;
}

export interface ClaimsAnalysis {
  claims: ClaimReport[];
  figures: {
    vanishing: BandPoint[];
    dying: BandPoint[];
    depth: BandPoint[];
    selu: BandPoint[];
    softmax: BandPoint[];
  };
}

type Of<K extends ClaimTask["kind"]> = {
  task: Extract<ClaimTask, { kind: K }>;
  result: Extract<ClaimTaskResult, { kind: K }>["result"];
};

function pick<K extends ClaimTask["kind"]>(results: readonly ClaimTaskResult[], kind: K): Of<K>[] {
  return results
    .filter((r) => r.kind === kind)
    .map((r) => ({ task: r.task, result: r.result }) as Of<K>)
    .sort((a, b) => a.task.seed - b.task.seed);
}

const pct = (s: Summary) => formatSummary(s, 1, 100, "%");
const num = (s: Summary, d = 2) => formatSummary(s, d);
const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
const lrText = (lr: number) => String(lr);

/** Geometric mean over seeds with its 95% interval: "10^m [10^lo, 10^hi]". */
function geometric(values: number[]): string {
  const s = summarize(values.map(Math.log10));
  if (s.n === 0) return "n/a";
  const e = (v: number) => (Number.isFinite(v) ? `10^${v.toFixed(1)}` : "?");
  return `${e(s.mean)} [${e(s.lo)}, ${e(s.hi)}]`;
}

/** Mean ± 95% interval of log10 values, as a band point in the original units. */
function logBand(values: number[], x: number, series: string, extra: Partial<BandPoint> = {}) {
  const s = summarize(values.map(Math.log10));
  return {
    x,
    y: 10 ** s.mean,
    lo: 10 ** (Number.isFinite(s.lo) ? s.lo : s.mean),
    hi: 10 ** (Number.isFinite(s.hi) ? s.hi : s.mean),
    series,
    ...extra,
  };
}

function band(values: number[], x: number, series: string, extra: Partial<BandPoint> = {}) {
  const s = summarize(values);
  const finite = (v: number) => (Number.isFinite(v) ? v : s.mean);
  return { x, y: s.mean, lo: finite(s.lo), hi: finite(s.hi), series, ...extra };
}

function vanishing(config: ClaimsConfig, runs: Of<"vanishing">[]) {
  const { activations, depths } = config.vanishing;
  const rows: string[][] = [];
  const points: BandPoint[] = [];
  const ratio = (norms: number[]) =>
    Math.log10((norms[0] as number) / (norms[norms.length - 1] as number));
  const byKey = new Map<string, { init: Summary; trained: Summary }>();
  for (const depth of depths) {
    for (const activation of activations) {
      const rs = runs.filter((r) => r.task.depth === depth && r.task.activation === activation);
      if (rs.length === 0) continue;
      const init = summarize(rs.map((r) => ratio(r.result.initial)));
      const trained = summarize(rs.map((r) => ratio(r.result.trained)));
      byKey.set(`${activation}/${depth}`, { init, trained });
      rows.push([
        activation,
        String(depth),
        num(init),
        num(trained),
        pct(
          summarize(
            rs.map((r) => r.result.testAccuracy),
            FRACTION,
          ),
        ),
      ]);
      const layers = rs[0]?.result.initial.length ?? 0;
      for (let l = 0; l < layers; l++) {
        for (const [when, key] of [
          ["at initialisation", "initial"],
          ["after 1 epoch", "trained"],
        ] as const) {
          points.push(
            logBand(
              rs.map((r) => r.result[key][l] as number),
              l + 1,
              activation,
              { row: `${depth} hidden layers`, col: when },
            ),
          );
        }
      }
    }
  }
  // Vanishes: the first layer's gradient is below a tenth of the output layer's (95% interval).
  const lo = Math.min(...depths);
  const hi = Math.max(...depths);
  const vanishes = (a: string) => {
    const deep = byKey.get(`${a}/${hi}`)?.init;
    const shallow = byKey.get(`${a}/${lo}`)?.init;
    return deep !== undefined && shallow !== undefined && deep.hi < -1 && deep.hi < shallow.lo;
  };
  const saturating = ["sigmoid", "tanh"].filter((a) => activations.includes(a as never));
  const confirmed = saturating.filter(vanishes);
  const verdict: Verdict =
    saturating.length === 0
      ? "not settled"
      : confirmed.length === saturating.length
        ? "holds"
        : confirmed.length > 0
          ? "partly holds"
          : "does not hold";
  const describe = (a: string) => {
    const s = byKey.get(`${a}/${hi}`)?.init;
    return s ? `${a} 10^${s.mean.toFixed(1)} [10^${s.lo.toFixed(1)}, 10^${s.hi.toFixed(1)}]` : "";
  };
  const finding = `At initialisation with ${hi} hidden layers, the first layer's gradient norm is, relative to the output layer's: ${activations.map(describe).join("; ")} (geometric mean over seeds, 95% interval). Vanishing (below a tenth, and smaller at ${hi} layers than at ${lo}): ${confirmed.length > 0 ? confirmed.join(", ") : "none of sigmoid/tanh"}.`;
  return {
    report: {
      id: "vanishing" as const,
      claim: "Sigmoid and tanh gradients vanish with depth.",
      verdict,
      finding,
      table: {
        head: [
          "activation",
          "hidden layers",
          "log10 ‖∇W₁‖/‖∇W_out‖ at init",
          "… after 1 epoch",
          "held-out acc. after 1 epoch",
        ],
        rows,
      },
    },
    points,
  };
}

function dying(config: ClaimsConfig, runs: Of<"dying">[]) {
  const rows: string[][] = [];
  const points: BandPoint[] = [];
  const near40: string[] = [];
  let reluPeak: { label: string; s: Summary } | undefined;
  let othersMax = 0;
  for (const { optimizer, lr } of config.dying.settings) {
    const label = `${optimizer === "sgd" ? "SGD (momentum 0.9)" : "Adam"}, lr ${lrText(lr)}`;
    for (const activation of config.dying.activations) {
      const rs = runs.filter(
        (r) =>
          r.task.optimizer === optimizer && r.task.lr === lr && r.task.activation === activation,
      );
      if (rs.length === 0) continue;
      const ok = rs.filter((r) => !r.result.diverged);
      const final = summarize(
        ok.map((r) => mean(r.result.dead[r.result.dead.length - 1] ?? [])),
        FRACTION,
      );
      const worstLayer = summarize(
        ok.map((r) => Math.max(...(r.result.dead[r.result.dead.length - 1] ?? [0]))),
        FRACTION,
      );
      rows.push([
        label,
        activation,
        pct(final),
        pct(worstLayer),
        pct(
          summarize(
            ok.map((r) => r.result.testAccuracy),
            FRACTION,
          ),
        ),
        `${rs.length - ok.length}/${rs.length}`,
      ]);
      const checkpoints = ok[0]?.result.dead.length ?? 0;
      for (let c = 0; c < checkpoints; c++)
        points.push(
          band(
            ok.map((r) => mean(r.result.dead[c] ?? [])),
            c,
            activation,
            { col: label },
          ),
        );
      if (activation === "relu" && final.n > 0) {
        if (!reluPeak || final.mean > reluPeak.s.mean) reluPeak = { label, s: final };
        if (final.mean >= 0.3 && final.lo >= 0.2) near40.push(`${label} (${pct(final)})`);
      } else if (final.n > 0) othersMax = Math.max(othersMax, final.hi);
    }
  }
  const verdict: Verdict =
    near40.length > 0 && othersMax < 0.05
      ? "holds"
      : near40.length > 0
        ? "partly holds"
        : reluPeak && reluPeak.s.hi >= 0.3
          ? "not settled"
          : "does not hold";
  const finding = `${reluPeak ? `ReLU's largest dead fraction after ${config.dying.epochs} epochs: ${pct(reluPeak.s)} under ${reluPeak.label}. ` : ""}Settings where ReLU approaches 40% (mean ≥ 30%, 95% interval above 20%): ${near40.length > 0 ? near40.join("; ") : "none"}. Leaky ReLU, PReLU and ELU: at most ${(othersMax * 100).toFixed(1)}% dead (upper 95% bound) in any setting.`;
  return {
    report: {
      id: "dying" as const,
      claim:
        'With ReLU, "close to 40% of the network" can end up dead (zero on every training example); Leaky ReLU, PReLU and ELU avoid it.',
      verdict,
      finding,
      table: {
        head: [
          "optimiser, learning rate",
          "activation",
          `dead units after ${config.dying.epochs} epochs`,
          "worst layer",
          "held-out acc.",
          "diverged",
        ],
        rows,
      },
    },
    points,
  };
}

function depth(config: ClaimsConfig, runs: Of<"depth">[]) {
  const { activations, depths } = config.depth;
  const rows: string[][] = [];
  const points: BandPoint[] = [];
  const diffs = new Map<number, Summary>();
  for (const d of depths) {
    const acc = (a: string) => runs.filter((r) => r.task.depth === d && r.task.activation === a);
    const cells = activations.map((a) => {
      const s = summarize(
        acc(a).map((r) => r.result.testAccuracy),
        FRACTION,
      );
      points.push(
        band(
          acc(a).map((r) => r.result.testAccuracy),
          d,
          a,
        ),
      );
      return pct(s);
    });
    // Paired by seed: the same split, the same batch order.
    const relu = new Map(acc("relu").map((r) => [r.task.seed, r.result.testAccuracy]));
    const diff = summarize(
      acc("swish").map((r) => r.result.testAccuracy - (relu.get(r.task.seed) ?? Number.NaN)),
    );
    diffs.set(d, diff);
    rows.push([String(d), ...cells, formatSummary(diff, 1, 100, " pts")]);
  }
  // The claim's depths (40 and more); a reduced run judges its deepest depth instead.
  const atLeast40 = depths.filter((d) => d >= 40);
  const deep = atLeast40.length > 0 ? atLeast40 : depths.slice(-1);
  const better = deep.filter((d) => (diffs.get(d)?.lo ?? -1) > 0);
  const worse = deep.filter((d) => (diffs.get(d)?.hi ?? 1) < 0);
  const verdict: Verdict =
    deep.length === 0
      ? "not settled"
      : better.length === deep.length
        ? "holds"
        : better.length > 0
          ? "partly holds"
          : worse.length > 0
            ? "does not hold"
            : "not settled";
  const finding = `Swish − ReLU held-out accuracy, paired by seed: ${depths.map((d) => `${d} layers ${formatSummary(diffs.get(d) ?? summarize([]), 1, 100, " pts")}`).join("; ")}. Swish is ahead beyond the 95% interval at ${better.length > 0 ? better.map((d) => `${d} layers`).join(", ") : `none of ${deep.join(", ")} layers`}${worse.length > 0 ? `; behind at ${worse.join(", ")}` : ""}.`;
  return {
    report: {
      id: "depth" as const,
      claim: "Swish beats ReLU from about 40–50 layers on.",
      verdict,
      finding,
      table: { head: ["hidden layers", ...activations, "swish − relu"], rows },
    },
    points,
  };
}

function selu(config: ClaimsConfig, runs: Of<"selu">[]) {
  const { activations, layers } = config.selu;
  const rows: string[][] = [];
  const points: BandPoint[] = [];
  const shown = [1, 10, 25, layers].filter((l, i, a) => l <= layers && a.indexOf(l) === i);
  const last = new Map<string, { mean: Summary; std: Summary }>();
  for (const a of activations) {
    const rs = runs.filter((r) => r.task.activation === a);
    if (rs.length === 0) continue;
    for (let l = 1; l <= layers; l++) {
      points.push(
        band(
          rs.map((r) => r.result.mean[l - 1] as number),
          l,
          a,
          { col: "mean" },
        ),
      );
      points.push(
        band(
          rs.map((r) => r.result.std[l - 1] as number),
          l,
          a,
          { col: "standard deviation" },
        ),
      );
    }
    for (const l of shown) {
      const m = summarize(rs.map((r) => r.result.mean[l - 1] as number));
      const s = summarize(rs.map((r) => r.result.std[l - 1] as number));
      rows.push([a, String(l), num(m, 3), num(s, 3)]);
      if (l === layers) last.set(a, { mean: m, std: s });
    }
  }
  const s = last.get("selu");
  const holds =
    s !== undefined && s.mean.lo > -0.1 && s.mean.hi < 0.1 && s.std.lo > 0.9 && s.std.hi < 1.1;
  const others = [...last.entries()]
    .filter(([a]) => a !== "selu")
    .map(([a, v]) => `${a} ${v.mean.mean.toFixed(3)} ± ${v.std.mean.toFixed(3)}`);
  const finding = s
    ? `After ${layers} LeCun-normal layers on standardised MNIST digits, SELU's activations have mean ${num(s.mean, 3)} and standard deviation ${num(s.std, 3)} (criterion: both 95% intervals inside ±0.1 of 0 and 1). Others (mean ± std at layer ${layers}): ${others.join("; ")}.`
    : "SELU was not run.";
  return {
    report: {
      id: "selu" as const,
      claim: "SELU self-normalises: activations keep mean ≈ 0 and standard deviation ≈ 1 by layer.",
      verdict: (s === undefined ? "not settled" : holds ? "holds" : "does not hold") as Verdict,
      finding,
      table: { head: ["activation", "layer", "mean", "standard deviation"], rows },
    },
    points,
  };
}

function softmaxClaim(config: ClaimsConfig, runs: Of<"softmax">[]) {
  const ts = config.softmax.temperatures;
  const rows: string[][] = [];
  const points: BandPoint[] = [];
  const distances = ts.map((_, i) => summarize(runs.map((r) => r.result.distance[i] as number)));
  ts.forEach((t, i) => {
    const grads = runs.map((r) => r.result.gradNorm[i] as number);
    rows.push([String(t), num(distances[i] as Summary, 4), num(summarize(grads), 4)]);
    // Geometric bands: both quantities span decades and are drawn on log axes.
    points.push(
      logBand(
        runs.map((r) => r.result.distance[i] as number),
        t,
        "softmax(z/T)",
        { col: "mean max |softmax(z/T) − onehot(argmax z)|" },
      ),
      logBand(grads, t, "softmax(z/T)", { col: "median ‖∂softmax(z/T)ₖ/∂z‖" }),
    );
  });
  const grads = (i: number) => geometric(runs.map((r) => r.result.gradNorm[i] as number));
  const noGradient = runs.length > 0 && runs.every((r) => r.result.argmaxError !== "");
  const decreasing = distances.every(
    (s, i) => i === 0 || s.mean <= (distances[i - 1] as Summary).mean,
  );
  const coldest = distances[distances.length - 1];
  const toOneHot = decreasing && coldest !== undefined && coldest.hi < 0.05;
  const verdict: Verdict =
    noGradient && toOneHot ? "holds" : noGradient || toOneHot ? "partly holds" : "does not hold";
  const finding = `argmax has no gradient: backward through it raised an error in ${runs.filter((r) => r.result.argmaxError !== "").length} of ${runs.length} seeds ("${runs[0]?.result.argmaxError ?? ""}"). On the held-out logits of a softmax regression, the distance to the one-hot argmax falls ${decreasing ? "monotonically" : "not monotonically"} from ${num(distances[0] ?? summarize([]), 3)} at T = ${ts[0]} to ${num(coldest ?? summarize([]), 4)} at T = ${ts[ts.length - 1]}. softmax stays differentiable, but the price of sharpness is a vanishing gradient: the median ‖∇‖ goes from ${grads(0)} at T = ${ts[0]} to ${grads(ts.length - 1)} at T = ${ts[ts.length - 1]}.`;
  return {
    report: {
      id: "softmax" as const,
      claim:
        "argmax has no gradient; softmax(z/T) is a differentiable stand-in that tends to one-hot as T → 0.",
      verdict,
      finding,
      table: { head: ["T", "max |p − onehot| (mean over digits)", "median ‖∇‖"], rows },
    },
    points,
  };
}

/**
 * Every claim's summary over seeds, verdict and figure data, from the tasks' results.
 *
 * @example
 * const { claims } = analyseClaims(fullConfig, results);
 */
export function analyseClaims(
  config: ClaimsConfig,
  results: readonly ClaimTaskResult[],
): ClaimsAnalysis {
  const v = vanishing(config, pick(results, "vanishing"));
  const d = dying(config, pick(results, "dying"));
  const dp = depth(config, pick(results, "depth"));
  const s = selu(config, pick(results, "selu"));
  const sm = softmaxClaim(config, pick(results, "softmax"));
  return {
    claims: [v.report, d.report, dp.report, s.report, sm.report],
    figures: {
      vanishing: v.points,
      dying: d.points,
      depth: dp.points,
      selu: s.points,
      softmax: sm.points,
    },
  };
}

export type { DepthResult, DyingResult, SeluResult, SoftmaxResult, VanishingResult };
