/**
 * docs/activations.md, rendered from the activations' metadata (their definitions' `about`,
 * options and layer names), so that the page and the code cannot disagree: docs.test.ts fails when
 * the committed page differs from this rendering. `npm run docs:activations` rewrites it.
 */
import type { ActivationInfo, ActivationParameter } from "./info.js";

const esc = (s: string) => s.replaceAll("|", "\\|");

function parameter(p: ActivationParameter): string {
  if (p.default === null) return `\`${p.name}\` (${p.description})`;
  const d = typeof p.default === "string" ? `'${p.default}'` : String(p.default);
  return `\`${p.name}\` = ${d}`;
}

function kink(a: ActivationInfo): string {
  return a.kink ? esc(a.kink.note) : "—";
}

function forms(a: ActivationInfo): string {
  const out = [`\`${a.name}(x${a.parameters.length > 0 ? ", …" : ""})\``];
  if (a.method) out.push(`\`x.${a.name}(…)\``);
  if (a.layer) out.push(`\`new ${a.layer}(…)\``);
  if (a.name === "argmax") return "`argmax(x, axis?)`, `x.argmax(axis?)` (from @fluxion/core)";
  return out.join(", ");
}

function section(a: ActivationInfo): string {
  const lines = [
    `### ${a.name}`,
    "",
    `- f(x) = ${a.formula}`,
    `- f'(x) = ${a.derivative}`,
    `- Options: ${a.parameters.length > 0 ? a.parameters.map(parameter).join("; ") : "none"}`,
  ];
  for (const p of a.parameters)
    if (p.default !== null) lines.push(`  - \`${p.name}\`: ${p.description}`);
  lines.push(
    `- Where it is not differentiable: ${a.kink ? `x = ${a.kink.at.join(" and ")}; ${a.kink.note}` : "nowhere"}`,
    `- Range ${a.range}; monotonic: ${a.monotonic}; zero-centred: ${a.zeroCentred}; ${a.smooth ? "smooth" : "not smooth"}; bounded ${bounds(a)}`,
    `- Use as: ${forms(a)}`,
    `- The lecture: ${a.remark === "" ? "not covered (added to the package beyond the lecture)." : a.remark}`,
    "",
  );
  return lines.join("\n");
}

function bounds(a: ActivationInfo): string {
  if (a.boundedBelow && a.boundedAbove) return "on both sides";
  if (a.boundedBelow) return "below only";
  if (a.boundedAbove) return "above only";
  return "on neither side";
}

/**
 * The text of docs/activations.md for these activations.
 *
 * @example
 * renderActivationDocs(activations).startsWith("# Activation functions");
 */
export function renderActivationDocs(activations: readonly ActivationInfo[]): string {
  const rows = activations.map(
    (a) =>
      `| [\`${a.name}\`](#${a.name.toLowerCase()}) | ${esc(a.formula)} | ${esc(a.derivative)} | ${esc(a.parameters.map(parameter).join(", ") || "—")} | ${kink(a)} | ${esc(a.range)} | ${a.monotonic} | ${a.zeroCentred} | ${a.layer ?? "—"} |`,
  );
  return [
    "# Activation functions",
    "",
    "<!-- Generated from the activations' definitions in packages/activations/src (docs.ts renders",
    "     it; `npm run docs:activations` rewrites it). A test fails when this page and the code differ. -->",
    "",
    "Every function below is a differentiable op of `@fluxion/activations`, usable as `fn(x, options)`,",
    "most as a Tensor method `x.fn(options)` (after importing the package), and as an `@fluxion/nn`",
    "layer with PyTorch's class name. σ is the logistic sigmoid, Φ the standard normal CDF, φ its",
    "density. Options are checked: a bad value, or an unknown option name, throws an `ArgumentError`",
    "naming the function (or layer), the option and the value.",
    "",
    "| name | f(x) | f'(x) | options (default) | at the kink | range | monotonic | zero-centred | nn layer |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "## Numerical contract",
    "",
    "- Stable forms: softmax and logSoftmax subtract the maximum; sigmoid never overflows",
    "  (e^x / (1 + e^x) for x < 0); softplus is max(x, 0) + log1p(e^−|βx|)/β below its threshold;",
    "  squareplus is b / (2(√(x² + b) − x)) for x < 0. Every function is finite and correct at ±40",
    "  and beyond (tests go to ±1e4) in float32 and float64, and propagates NaN.",
    "- In float64 values and first derivatives match 50-digit references to about 1e-14 relative",
    "  error (1e-6 in float32); every op and its backward op pass gradcheck and gradgradcheck.",
    "- At a kink the derivative used is the one stated above; tests check each value.",
    "",
    "## Each activation",
    "",
    ...activations.map(section),
    "## The lecture's claims, as experiments",
    "",
    "The lecture (the course this project comes from) makes claims a user can check with a short",
    "program in `examples/`:",
    "",
    "1. Logistic regression by hand: autodiff reproduces ∂ℓ/∂wᵢ = xᵢ(a − y), ∂ℓ/∂b = a − y and the",
    "   updates exactly (`examples/src/logistic-regression.ts`).",
    "2. Sigmoid and tanh saturate: gradients vanish in deep stacks (`examples/src/deep-activations.ts`).",
    "3. ReLU units die (the lecture says close to 40%); Leaky ReLU and PReLU are attempts to avoid it.",
    "4. Swish matches ReLU up to about 40 layers and beats it between 40 and 50 layers (their MNIST",
    "   experiment); SELU self-normalises a deep network with LeCun-normal initialisation.",
    "5. Softmax for two classes is the sigmoid of the difference, and a differentiable stand-in for",
    "   argmax (`examples/src/softmax-temperature.ts`).",
    "",
    "## Adding an activation",
    "",
    "Write one file in `packages/activations/src/` with `defineActivation({...})` (forward through a",
    "fused kernel by name or composed from core ops, derivative in tensor ops, options, the facts",
    "above, test cases), add one line to `list.ts`, and, if it has a layer, one line to",
    "`packages/nn/src/layers/activations.ts`; then `npm run docs:activations`. The method, the",
    "registry entry, the test specs, the gradient checks and this page follow from the definition.",
    "",
  ].join("\n");
}
