// The playground's controls, as field descriptions: the data set (shared by both columns in
// compare mode) and the network and training (one set per column). Ranges come from the engine's
// `limits`, the activations and their options from `activationChoices()`.
import { datasetNames, initNames, limits, optimizerNames } from "../engine/index.js";
import type {
  ActivationChoice,
  DatasetName,
  InitName,
  OptimizerName,
  OptionValue,
} from "../engine/protocol.js";
import type { Field, NumberField } from "./form.js";

const datasetLabels: Record<DatasetName, string> = {
  moons: "Two moons",
  circles: "Circles",
  xor: "XOR",
  spiral: "Spiral",
};

const initLabels: Record<InitName, string> = {
  default: "PyTorch default",
  xavierUniform: "Xavier uniform",
  xavierNormal: "Xavier normal",
  kaimingUniform: "Kaiming uniform",
  kaimingNormal: "Kaiming normal",
  lecunNormal: "LeCun normal",
};

const optimizerLabels: Record<OptimizerName, string> = {
  sgd: "SGD",
  momentum: "SGD + momentum 0.9",
  adam: "Adam",
};

function options<T extends string>(names: readonly T[], labels: Record<T, string>) {
  return names.map((value) => ({ value, label: labels[value] }));
}

type Limited = keyof typeof limits;

/** A number field over one of the engine's limits. */
function numberField(
  key: Limited,
  label: string,
  extra: Partial<Pick<NumberField, "kind" | "step" | "hint">> = {},
): NumberField {
  const limit: { min: number; max: number; integer: boolean; above?: boolean } = limits[key];
  return {
    kind: "number",
    key,
    label,
    min: limit.min,
    max: limit.max,
    step: limit.integer ? 1 : "any",
    integer: limit.integer,
    above: limit.above === true,
    ...extra,
  };
}

/** Data set controls: the same for both configurations in compare mode. */
export const dataFields: readonly Field[] = [
  {
    kind: "select",
    key: "dataset",
    label: "Data set",
    options: options(datasetNames, datasetLabels),
  },
  numberField("noise", "Noise", { kind: "range", step: 0.01 }),
  numberField("trainFraction", "Train fraction", { kind: "range", step: 0.05 }),
  numberField("samples", "Points"),
  numberField("seed", "Seed", { hint: "Seeds the data and the initial weights" }),
];

/** Network and training controls, one set per configuration. */
export function modelFields(choices: readonly ActivationChoice[]): Field[] {
  return [
    numberField("depth", "Hidden layers"),
    numberField("width", "Units per layer"),
    {
      kind: "select",
      key: "activation",
      label: "Activation",
      options: choices.map((c) => ({ value: c.name, label: c.name })),
    },
    {
      kind: "select",
      key: "init",
      label: "Initialisation",
      options: options(initNames, initLabels),
    },
    {
      kind: "select",
      key: "optimizer",
      label: "Optimiser",
      options: options(optimizerNames, optimizerLabels),
    },
    numberField("lr", "Learning rate"),
    numberField("batchSize", "Batch size"),
  ];
}

/** Fields for one activation's options (leakyRelu's negativeSlope, gelu's approximation, …). */
export function activationOptionFields(choice: ActivationChoice | undefined): Field[] {
  return (choice?.options ?? []).map((option): Field => {
    const hint = option.description;
    if (option.kind === "boolean")
      return { kind: "checkbox", key: option.name, label: option.name, hint };
    if (option.kind === "choice")
      return {
        kind: "select",
        key: option.name,
        label: option.name,
        options: option.choices.map((c) => ({ value: c, label: c })),
        hint,
      };
    return {
      kind: "number",
      key: option.name,
      label: option.name,
      min: option.positive ? 0 : Number.NEGATIVE_INFINITY,
      max: Number.POSITIVE_INFINITY,
      above: option.positive,
      step: "any",
      hint: `${hint} (default ${option.default})`,
    };
  });
}

/** The default value of every option of an activation. */
export function activationDefaults(
  choice: ActivationChoice | undefined,
): Record<string, OptionValue> {
  return Object.fromEntries((choice?.options ?? []).map((o) => [o.name, o.default]));
}
