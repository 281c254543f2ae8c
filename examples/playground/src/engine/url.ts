import { activationChoices, defaultActivationOptions } from "./activation-choices.js";
import {
  configErrors,
  datasetNames,
  defaultConfig,
  describeLimit,
  initNames,
  limits,
  type NumericField,
  optimizerNames,
  withinLimit,
} from "./config.js";
import type { ActivationOptionChoice, OptionValue, PlaygroundConfig } from "./protocol.js";

/** Query keys of the configuration's fields, short and readable (`?data=moons&depth=10&act=relu`). */
export const queryKeys = {
  dataset: "data",
  noise: "noise",
  samples: "n",
  trainFraction: "train",
  seed: "seed",
  depth: "depth",
  width: "width",
  activation: "act",
  init: "init",
  optimizer: "opt",
  lr: "lr",
  batchSize: "batch",
} as const satisfies Record<Exclude<keyof PlaygroundConfig, "activationOptions">, string>;

/** An activation option's key: `act.<option>` (`act.negativeSlope=0.2`). */
const optionPrefix = "act.";

function formatNumber(value: number): string {
  return String(value);
}

/**
 * The configuration as a URL query string (without "?"), every field written out so that a link
 * keeps its meaning when defaults change. `prefix` namespaces the keys (compare mode writes the
 * second configuration with "b.").
 *
 * @example
 * encodeConfig(defaultConfig); // "data=moons&noise=0.1&n=400&train=0.5&seed=1&depth=3&width=8&act=tanh&…"
 */
export function encodeConfig(config: PlaygroundConfig, prefix = ""): string {
  const params = new URLSearchParams();
  for (const [field, key] of Object.entries(queryKeys) as [keyof typeof queryKeys, string][]) {
    const value = config[field];
    params.set(prefix + key, typeof value === "number" ? formatNumber(value) : value);
    if (field === "activation") {
      for (const [name, option] of Object.entries(config.activationOptions))
        params.set(`${prefix}${optionPrefix}${name}`, String(option));
    }
  }
  return params.toString();
}

function parseNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

function parseOption(
  choice: ActivationOptionChoice,
  text: string,
): { ok: true; value: OptionValue } | { ok: false; expected: string } {
  if (choice.kind === "boolean") {
    if (text === "true" || text === "false") return { ok: true, value: text === "true" };
    return { ok: false, expected: "true or false" };
  }
  if (choice.kind === "choice") {
    if (choice.choices.includes(text)) return { ok: true, value: text };
    return { ok: false, expected: `one of ${choice.choices.map((c) => `'${c}'`).join(", ")}` };
  }
  const value = text === "Infinity" ? Infinity : parseNumber(text);
  if (Number.isNaN(value) || value === -Infinity) return { ok: false, expected: "a number" };
  if (choice.positive && !(value > 0)) return { ok: false, expected: "a number > 0" };
  return { ok: true, value };
}

/**
 * The configuration in a URL query string (with or without "?"), field by field: a missing field
 * takes its default, and a bad value (out of range, not a number, an unknown activation or
 * option) takes the default too and adds a message naming the key, the value and what is
 * accepted. Keys outside the configuration are left alone (the page may use them).
 *
 * @example
 * decodeConfig("?depth=99&act=relu");
 * // { config: { ...defaultConfig, activation: "relu", … },
 * //   errors: ["depth must be an integer from 1 to 50, got '99' (using 3)"] }
 */
export function decodeConfig(
  search: string,
  prefix = "",
): { config: PlaygroundConfig; errors: string[] } {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const errors: string[] = [];
  const config: PlaygroundConfig = { ...defaultConfig, activationOptions: {} };
  const get = (key: string) => params.get(prefix + key);
  const bad = (key: string, text: string, expected: string, fallback: unknown) =>
    errors.push(`${prefix}${key} must be ${expected}, got '${text}' (using ${String(fallback)})`);

  const choose = <T extends string>(field: "dataset" | "init" | "optimizer", all: readonly T[]) => {
    const key = queryKeys[field];
    const text = get(key);
    if (text === null) return;
    const found = all.find((c) => c === text);
    if (found === undefined)
      bad(key, text, `one of ${all.map((c) => `'${c}'`).join(", ")}`, defaultConfig[field]);
    else Object.assign(config, { [field]: found });
  };
  choose("dataset", datasetNames);
  choose("init", initNames);
  choose("optimizer", optimizerNames);

  for (const field of Object.keys(limits) as NumericField[]) {
    const key = queryKeys[field];
    const text = get(key);
    if (text === null) continue;
    const value = parseNumber(text);
    if (withinLimit(value, limits[field])) config[field] = value;
    else bad(key, text, describeLimit(limits[field]), defaultConfig[field]);
  }

  const choices = activationChoices();
  const actText = get(queryKeys.activation);
  let choice = choices.find((c) => c.name === (actText ?? defaultConfig.activation));
  if (actText !== null && choice === undefined) {
    bad(
      queryKeys.activation,
      actText,
      `an activation of @fluxion/activations (${choices.map((c) => c.name).join(", ")})`,
      defaultConfig.activation,
    );
    choice = choices.find((c) => c.name === defaultConfig.activation);
  }
  config.activation = choice?.name ?? defaultConfig.activation;
  config.activationOptions = defaultActivationOptions(config.activation);
  const optionsValid = choice !== undefined && (actText === null || choice.name === actText);
  for (const [key, text] of params) {
    if (!key.startsWith(prefix + optionPrefix)) continue;
    const name = key.slice((prefix + optionPrefix).length);
    if (!optionsValid) continue; // options of an unknown activation: its error says it all
    const option = choice?.options.find((o) => o.name === name);
    if (!option) {
      const known = choice?.options.map((o) => o.name).join(", ") || "none";
      errors.push(
        `${key}: '${config.activation}' has no option '${name}' (options: ${known}); ignored`,
      );
      continue;
    }
    const parsed = parseOption(option, text);
    if (parsed.ok) config.activationOptions[name] = parsed.value;
    else bad(optionPrefix + name, text, parsed.expected, option.default);
  }
  // checks between options (hardtanh: minVal < maxVal) are the activation's own
  const combined = configErrors(config, "decodeConfig");
  if (combined.length > 0) {
    errors.push(...combined.map((e) => `${e} (using the defaults of '${config.activation}')`));
    config.activationOptions = defaultActivationOptions(config.activation);
  }
  return { config, errors };
}
