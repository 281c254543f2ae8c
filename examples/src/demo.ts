/**
 * The activation study: trains the same network once per activation of the lecture on a real data
 * set (Iris) and a synthetic one (two moons), and prints one table: final loss, held-out accuracy,
 * epochs to the target accuracy, dead units per layer, and the first/last layer gradient-norm
 * ratio. Writes its plots to an output folder. `--help` lists the flags.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SingleBar } from "cli-progress";
import Table from "cli-table3";
import { Command, InvalidArgumentError, Option } from "commander";
import { writeActivationFigure, writeStudyFigures } from "./study/figures.js";
import { type StudyActivation, studyActivations } from "./study/model.js";
import { type RunResult, runStudy, type StudyDataset, studyDatasets } from "./study/run.js";
import { markdownTable, resultHeader, resultRow, withReadmeTable } from "./study/table.js";

function listOf<T extends string>(allowed: readonly T[], what: string) {
  return (value: string): T[] => {
    const items = value.split(",").map((s) => s.trim());
    for (const item of items) {
      if (!allowed.includes(item as T)) {
        throw new InvalidArgumentError(
          `unknown ${what} "${item}" (choose from ${allowed.join(", ")})`,
        );
      }
    }
    return items as T[];
  };
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
}

function fraction(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= 1)) throw new InvalidArgumentError("must be a number in (0, 1]");
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!(n > 0 && Number.isFinite(n))) throw new InvalidArgumentError("must be a positive number");
  return n;
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError("must be an integer");
  return n;
}

const program = new Command()
  .name("demo")
  .description(
    "Fluxion's activation study: the lecture's activation functions, trained side by side.",
  )
  .addOption(
    new Option("-d, --datasets <list>", `comma-separated data sets (${studyDatasets.join(", ")})`)
      .argParser(listOf(studyDatasets, "data set"))
      .default(["iris", "moons"], "iris,moons"),
  )
  .addOption(
    new Option("-a, --activations <list>", "comma-separated activations to compare")
      .argParser(listOf(studyActivations, "activation"))
      .default([...studyActivations], "all twelve of the lecture"),
  )
  .addOption(new Option("--depth <n>", "hidden layers").argParser(positiveInt).default(3))
  .addOption(new Option("--width <n>", "units per hidden layer").argParser(positiveInt).default(32))
  .addOption(new Option("-s, --seed <n>", "random seed").argParser(integer).default(0))
  .addOption(
    new Option("-t, --target <acc>", "held-out accuracy that counts as reached")
      .argParser(fraction)
      .default(0.9),
  )
  .addOption(
    new Option("--optimizer <name>", "sgd (with momentum 0.9) or adam")
      .choices(["sgd", "adam"])
      .default("sgd"),
  )
  .addOption(new Option("--lr <rate>", "learning rate").argParser(positiveNumber).default(0.05))
  .addOption(
    new Option(
      "--epochs <scale>",
      "scale of every data set's number of epochs (0.2 for a quick look)",
    )
      .argParser(positiveNumber)
      .default(1),
  )
  .addOption(new Option("-o, --out <dir>", "folder for the plots").default("out/activation-study"))
  .addOption(new Option("--no-plots", "skip writing the plots"))
  .addOption(
    new Option(
      "--readme <file>",
      "also put the results table (Markdown) into this README's table block",
    ),
  );

/** The table a person reads: one row per (data set, activation). */
export function resultTable(results: readonly RunResult[], target: number): string {
  const table = new Table({
    head: resultHeader(target),
    colAligns: ["left", "left", "right", "right", "right", "left", "right"],
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const r of results) table.push(resultRow(r));
  return table.toString();
}

async function main(): Promise<void> {
  program.parse();
  const opts = program.opts<{
    datasets: StudyDataset[];
    activations: StudyActivation[];
    depth: number;
    width: number;
    seed: number;
    target: number;
    optimizer: "sgd" | "adam";
    lr: number;
    epochs: number;
    out: string;
    plots: boolean;
    readme?: string;
  }>();
  const bar = new SingleBar({
    format:
      "training {bar} {percentage}% | {dataset} · {activation} | epoch {epoch}/{epochs} | {duration}s",
    hideCursor: true,
    clearOnComplete: true,
  });
  const runs = opts.datasets.length * opts.activations.length;
  let done = 0;
  bar.start(runs, 0, { dataset: "", activation: "", epoch: 0, epochs: 0 });
  const started = performance.now();
  const results = runStudy({
    datasets: opts.datasets,
    activations: opts.activations,
    depth: opts.depth,
    width: opts.width,
    seed: opts.seed,
    target: opts.target,
    optimizer: opts.optimizer,
    lr: opts.lr,
    epochScale: opts.epochs,
    onEpoch: (dataset, activation, epoch, epochs) => {
      if (epoch === epochs - 1) done++;
      bar.update(done, { dataset, activation, epoch: epoch + 1, epochs });
    },
  });
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Activation study: ${opts.depth} hidden layers of ${opts.width} units, ${opts.optimizer} lr ${opts.lr}, seed ${opts.seed} (${seconds.toFixed(1)} s)`,
  );
  console.log(resultTable(results, opts.target));
  console.log(
    "dead units: hidden units whose activation passes no gradient (|f′(z)| < 1e-8) on the whole training set.",
  );
  console.log(
    "‖∇W₁‖/‖∇W_L‖: gradient norm of the first layer's weights over the output layer's, at initialisation.",
  );
  if (opts.plots) {
    const dir = resolve(opts.out);
    await writeActivationFigure(dir);
    await writeStudyFigures(dir, results);
    writeFileSync(join(dir, "results.md"), `${markdownTable(results, opts.target)}\n`);
    console.log(`Plots and results.md written to ${dir}`);
  }
  if (opts.readme) {
    const file = resolve(opts.readme);
    writeFileSync(
      file,
      withReadmeTable(readFileSync(file, "utf8"), markdownTable(results, opts.target)),
    );
    console.log(`Results table written into ${file}`);
  }
}

await main();
