/**
 * The lecture's claims about activation functions, each as an experiment on real MNIST digits with
 * several seeds: vanishing gradients, dying ReLUs, Swish against ReLU by depth, SELU's
 * self-normalisation, and softmax as a differentiable argmax. Prints a verdict per claim within
 * 95% intervals and writes a Markdown report, the raw per-seed results (JSON) and Vega-Lite
 * figures (SVG). `--quick` runs every experiment on little data in a few seconds.
 *
 * Run: npx -y pnpm@12.4.2 claims [--quick] [--seeds N] [--workers N] [--out DIR] [--report-only]
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { SingleBar } from "cli-progress";
import { Command, InvalidArgumentError, Option } from "commander";
import { analyseClaims, type ClaimsAnalysis } from "./lecture-claims/analysis.js";
import { type ClaimsConfig, fullConfig, quickConfig } from "./lecture-claims/config.js";
import { writeClaimFigures } from "./lecture-claims/figures.js";
import { runTasks } from "./lecture-claims/pool.js";
import { claimsMarkdown } from "./lecture-claims/report.js";
import {
  type ClaimTask,
  type ClaimTaskResult,
  planTasks,
  taskCost,
} from "./lecture-claims/tasks.js";
import { isMain } from "./util/is-main.js";

export interface LectureClaimsOptions {
  config: ClaimsConfig;
  workers?: number;
  /** Folder for claims.md, results.json and (unless `plots` is false) the figures. */
  outDir?: string;
  plots?: boolean;
  /** The command line quoted in the report. */
  command?: string;
  /**
   * A JSON-lines file of finished tasks: tasks found there (for the same config) are not run
   * again, and every task that finishes is appended, so an interrupted run resumes.
   */
  checkpoint?: string;
  /** Progress: cost done and total cost (relative units), and the task that just finished. */
  onProgress?: (done: number, total: number, task: ClaimTask) => void;
}

export interface LectureClaimsResult {
  results: ClaimTaskResult[];
  analysis: ClaimsAnalysis;
  seconds: number;
  files: string[];
}

/**
 * Runs every task of `config`, analyses the results and writes the report.
 *
 * @example
 * const { analysis } = await runLectureClaims({ config: quickConfig });
 * analysis.claims.map((c) => c.verdict);
 */
export async function runLectureClaims(
  options: LectureClaimsOptions,
): Promise<LectureClaimsResult> {
  const { config } = options;
  const started = performance.now();
  // Costliest first, so the last tasks to finish are short ones and the workers end together.
  const tasks = planTasks(config)
    .map((task) => ({ task, cost: taskCost(task, config) }))
    .sort((a, b) => b.cost - a.cost);
  const total = tasks.reduce((s, t) => s + t.cost, 0);
  const costs = new Map(tasks.map((t) => [t.task, t.cost]));
  const configKey = JSON.stringify(config);
  const saved = new Map<string, ClaimTaskResult>();
  let earlier = 0;
  if (options.checkpoint && existsSync(options.checkpoint)) {
    for (const line of readFileSync(options.checkpoint, "utf8").split("\n")) {
      if (!line.trim()) continue;
      // JSON wrote NaN (a diverged run's accuracy) as null: the reviver restores it.
      const entry = JSON.parse(line, (_k, v) => (v === null ? Number.NaN : v)) as {
        config: string;
        result: ClaimTaskResult;
        elapsed: number;
      };
      if (entry.config !== configKey) continue;
      saved.set(JSON.stringify(entry.result.task), entry.result);
      // The resumed run's time adds to the time the interrupted run had spent.
      if (Number.isFinite(entry.elapsed)) earlier = Math.max(earlier, entry.elapsed);
    }
  }
  if (options.checkpoint) mkdirSync(dirname(resolve(options.checkpoint)), { recursive: true });
  const todo = tasks.filter((t) => !saved.has(JSON.stringify(t.task)));
  let done = total - todo.reduce((s, t) => s + t.cost, 0);
  const fresh = await runTasks(
    todo.map((t) => t.task),
    config,
    {
      workers: options.workers ?? 1,
      onDone: (task, result) => {
        done += costs.get(task) ?? 0;
        if (options.checkpoint)
          appendFileSync(
            options.checkpoint,
            `${JSON.stringify({ config: configKey, result, elapsed: earlier + (performance.now() - started) / 1000 })}\n`,
          );
        options.onProgress?.(done, total, task);
      },
    },
  );
  const results = [...saved.values(), ...fresh];
  const seconds = earlier + (performance.now() - started) / 1000;
  const info: RunInfo = {
    command: options.command ?? "pnpm claims",
    seconds,
    workers: options.workers ?? 1,
    date: new Date().toISOString().slice(0, 10),
  };
  const { analysis, files } = await writeClaimsReport(results, config, info, options);
  return { results, analysis, seconds, files };
}

/** How a run was made, as the report and results.json quote it. */
export interface RunInfo {
  command: string;
  seconds: number;
  workers: number;
  date: string;
}

/**
 * Analyses `results` and, when `outDir` is given, writes claims.md, results.json and the figures.
 *
 * @example
 * await writeClaimsReport(results, quickConfig, info, { outDir: "out/claims-quick" });
 */
export async function writeClaimsReport(
  results: readonly ClaimTaskResult[],
  config: ClaimsConfig,
  info: RunInfo,
  options: { outDir?: string; plots?: boolean },
): Promise<{ analysis: ClaimsAnalysis; files: string[] }> {
  const analysis = analyseClaims(config, results);
  const files: string[] = [];
  if (options.outDir) {
    const dir = resolve(options.outDir);
    mkdirSync(dir, { recursive: true });
    const md = join(dir, "claims.md");
    writeFileSync(md, claimsMarkdown(analysis, config, info));
    const json = join(dir, "results.json");
    // Sorted by experiment and seed, so the file is the same whatever order the workers finished in.
    const key = (r: ClaimTaskResult) => JSON.stringify(r.task);
    const sorted = [...results].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    writeFileSync(json, `${JSON.stringify({ ...info, config, results: sorted }, null, 1)}\n`);
    files.push(md, json);
    if (options.plots !== false) files.push(...(await writeClaimFigures(dir, analysis)));
  }
  return { analysis, files };
}

/**
 * Re-analyses the results.json of an earlier run in `outDir` and rewrites its report and
 * figures: after a change to the analysis, without training again.
 *
 * @example
 * await rewriteClaimsReport("docs/claims");
 */
export async function rewriteClaimsReport(
  outDir: string,
  plots = true,
): Promise<{ analysis: ClaimsAnalysis; files: string[] }> {
  const path = join(resolve(outDir), "results.json");
  if (!existsSync(path))
    throw new Error(`claims --report-only: no ${path}; run the experiments first (pnpm claims)`);
  // JSON wrote NaN (a diverged run's accuracy) as null: the reviver restores it.
  const saved = JSON.parse(readFileSync(path, "utf8"), (_k, v) =>
    v === null ? Number.NaN : v,
  ) as RunInfo & {
    config: ClaimsConfig;
    results: ClaimTaskResult[];
  };
  const { config, results, ...info } = saved;
  return writeClaimsReport(results, config, info, { outDir, plots });
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
}

function formatMinutes(s: number): string {
  return s < 90 ? `${Math.round(s)} s` : `${(s / 60).toFixed(1)} min`;
}

async function main(): Promise<void> {
  const program = new Command()
    .name("claims")
    .description("The lecture's claims about activations, measured on MNIST over several seeds.")
    .addOption(new Option("--quick", "every experiment on little data, 2 seeds (a few seconds)"))
    .addOption(
      new Option("-s, --seeds <n>", "seeds per configuration (default 5; quick: 2)").argParser(
        positiveInt,
      ),
    )
    .addOption(
      new Option(
        "-w, --workers <n>",
        "worker processes, one task at a time each (default: 2 cores; quick: 1)",
      ).argParser(positiveInt),
    )
    .addOption(
      new Option("-o, --out <dir>", "output folder (default docs/claims; quick: out/claims-quick)"),
    )
    .addOption(new Option("--no-plots", "skip the figures"))
    .addOption(
      new Option(
        "--report-only",
        "rewrite the report and figures from the folder's results.json, without training",
      ),
    )
    .addOption(
      new Option(
        "--resume",
        "keep the tasks already finished by an interrupted run of the same config (out/claims-checkpoint.jsonl)",
      ),
    );
  program.parse();
  const opts = program.opts<{
    reportOnly?: boolean;
    resume?: boolean;
    quick?: boolean;
    seeds?: number;
    workers?: number;
    out?: string;
    plots: boolean;
  }>();
  const base = opts.quick ? quickConfig : fullConfig;
  const config = { ...base, seeds: opts.seeds ?? base.seeds };
  const workers = opts.workers ?? (opts.quick ? 1 : Math.min(2, availableParallelism()));
  const outDir = opts.out ?? (opts.quick ? "out/claims-quick" : "docs/claims");
  if (opts.reportOnly) {
    const { analysis, files } = await rewriteClaimsReport(outDir, opts.plots);
    for (const c of analysis.claims) console.log(`\n[${c.verdict}] ${c.claim}\n  ${c.finding}`);
    console.log(`\nwritten: ${files.join(", ")}`);
    return;
  }
  const command = ["pnpm claims", ...process.argv.slice(2).filter((a) => a !== "--resume")].join(
    " ",
  );
  const checkpoint = resolve(
    opts.quick ? "out/claims-quick-checkpoint.jsonl" : "out/claims-checkpoint.jsonl",
  );
  if (!opts.resume) rmSync(checkpoint, { force: true });
  const bar = new SingleBar({
    format:
      "claims {bar} {percentage}% | {tasks} tasks | elapsed {elapsed} | total ≈ {estimate} | {last}",
    hideCursor: true,
    clearOnComplete: true,
  });
  const nTasks = planTasks(config).length;
  let finished = 0;
  let nextLog = 0.05;
  const t0 = performance.now();
  bar.start(1, 0, { tasks: `0/${nTasks}`, elapsed: "0 s", estimate: "…", last: "" });
  const r = await runLectureClaims({
    config,
    workers,
    outDir,
    plots: opts.plots,
    command,
    checkpoint,
    onProgress: (done, total, task) => {
      finished++;
      const elapsed = (performance.now() - t0) / 1000;
      bar.setTotal(total);
      bar.update(done, {
        tasks: `${finished}/${nTasks}`,
        elapsed: formatMinutes(elapsed),
        // Work is measured in multiply-adds, so the elapsed share of it predicts the total time.
        estimate: formatMinutes(elapsed / Math.max(done / total, 1e-9)),
        last: `${task.kind} seed ${task.seed}`,
      });
      // Without a terminal (a log file, CI) the bar does not draw: a line every 5% instead.
      if (!process.stderr.isTTY && done / total >= nextLog) {
        nextLog += 0.05;
        console.error(
          `claims ${Math.round((100 * done) / total)}% | ${finished}/${nTasks} tasks | elapsed ${formatMinutes(elapsed)} | total ≈ ${formatMinutes(elapsed / (done / total))}`,
        );
      }
    },
  });
  bar.stop();
  console.log(
    `${nTasks} tasks, ${config.seeds} seeds, ${workers} worker(s): ${formatMinutes(r.seconds)}`,
  );
  for (const c of r.analysis.claims) console.log(`\n[${c.verdict}] ${c.claim}\n  ${c.finding}`);
  console.log(`\nwritten: ${r.files.join(", ")}`);
}

if (isMain(import.meta.url)) await main();
