import { ArgumentError } from "@fluxion/core";
import { defaultActivationOptions, resolveActivation } from "./activation-choices.js";
import type { DatasetName, InitName, OptimizerName, PlaygroundConfig } from "./protocol.js";

/** The data sets, in the order a form lists them. */
export const datasetNames: readonly DatasetName[] = ["moons", "circles", "xor", "spiral"];
/** The optimisers: plain SGD, SGD with momentum 0.9, Adam. */
export const optimizerNames: readonly OptimizerName[] = ["sgd", "momentum", "adam"];
/** The weight initialisers: Linear's own (PyTorch's) or one of nn's `init` functions. */
export const initNames: readonly InitName[] = [
  "default",
  "xavierUniform",
  "xavierNormal",
  "kaimingUniform",
  "kaimingNormal",
  "lecunNormal",
];

/** A numeric field's accepted range (both ends included unless `above` is set). */
export interface NumberLimit {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** The lower end is excluded (lr > 0). */
  readonly above?: boolean;
}

/** The numeric fields' ranges, for forms (slider ends) and for the checks below. */
export const limits = {
  noise: { min: 0, max: 0.5, integer: false },
  samples: { min: 20, max: 2000, integer: true },
  trainFraction: { min: 0.1, max: 0.9, integer: false },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
  depth: { min: 1, max: 50, integer: true },
  width: { min: 1, max: 64, integer: true },
  lr: { min: 0, max: 10, integer: false, above: true },
  batchSize: { min: 1, max: 2000, integer: true },
} as const satisfies Record<string, NumberLimit>;

/** The numeric fields of a configuration. */
export type NumericField = keyof typeof limits;

/**
 * The configuration the page opens with: two moons, 3 hidden layers of 8 tanh units, Adam.
 *
 * @example
 * const config = { ...defaultConfig, activation: "relu", activationOptions: {} };
 */
export const defaultConfig: PlaygroundConfig = {
  dataset: "moons",
  noise: 0.1,
  samples: 400,
  trainFraction: 0.5,
  seed: 1,
  depth: 3,
  width: 8,
  activation: "tanh",
  activationOptions: defaultActivationOptions("tanh"),
  init: "default",
  optimizer: "adam",
  lr: 0.01,
  batchSize: 16,
};

/** What a numeric field accepts, in words: "an integer from 1 to 50". */
export function describeLimit(limit: NumberLimit): string {
  const kind = limit.integer ? "an integer" : "a number";
  return limit.above
    ? `${kind} > ${limit.min} and ≤ ${limit.max}`
    : `${kind} from ${limit.min} to ${limit.max}`;
}

/** Whether `value` is within the field's limit. */
export function withinLimit(value: number, limit: NumberLimit): boolean {
  if (!Number.isFinite(value)) return false;
  if (limit.integer && !Number.isInteger(value)) return false;
  const low = limit.above ? value > limit.min : value >= limit.min;
  return low && value <= limit.max;
}

function show(value: unknown): string {
  return typeof value === "string" ? `'${value}'` : String(value);
}

function oneOf<T extends string>(
  field: string,
  value: unknown,
  choices: readonly T[],
  errors: string[],
  fn: string,
): void {
  if (!choices.some((c) => c === value))
    errors.push(
      `${fn}: ${field} must be one of ${choices.map((c) => `'${c}'`).join(", ")}, got ${show(value)}`,
    );
}

/**
 * Every problem of a configuration, as messages naming `fn`, the field and the value ([] when it
 * is valid). The activation's options are checked by the activation itself.
 *
 * @example
 * configErrors({ ...defaultConfig, depth: 0 }, "Trainer");
 * // ["Trainer: depth must be an integer from 1 to 50, got 0"]
 */
export function configErrors(config: PlaygroundConfig, fn: string): string[] {
  const errors: string[] = [];
  if (config === null || typeof config !== "object")
    return [`${fn}: config must be an object, got ${show(config)}`];
  oneOf("dataset", config.dataset, datasetNames, errors, fn);
  oneOf("init", config.init, initNames, errors, fn);
  oneOf("optimizer", config.optimizer, optimizerNames, errors, fn);
  for (const [field, limit] of Object.entries(limits) as [NumericField, NumberLimit][]) {
    const value = config[field];
    if (typeof value !== "number" || !withinLimit(value, limit))
      errors.push(`${fn}: ${field} must be ${describeLimit(limit)}, got ${show(value)}`);
  }
  const options = config.activationOptions;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    errors.push(`${fn}: activationOptions must be an object, got ${show(options)}`);
  } else {
    try {
      resolveActivation(String(config.activation), options, fn);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  return errors;
}

/**
 * Throws an ArgumentError listing every problem of the configuration (see `configErrors`).
 *
 * @example
 * checkConfig(config, "Trainer");
 */
export function checkConfig(config: PlaygroundConfig, fn: string): void {
  const errors = configErrors(config, fn);
  if (errors.length > 0) throw new ArgumentError(errors.join("; "));
}
