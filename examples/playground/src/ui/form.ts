// Labelled form controls built from a list of field descriptions: each control reads and writes one
// key of the configuration, validates itself, and reports a committed change.
import type { PlaygroundConfig } from "../engine/protocol.js";

/** A numeric option of the configuration (or of the activation's options). */
export interface NumberField {
  readonly kind: "number" | "range";
  readonly key: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** "any" for free-form reals (the learning rate). */
  readonly step: number | "any";
  /** Whole numbers only. */
  readonly integer?: boolean;
  /** The lower end is excluded (a learning rate > 0). */
  readonly above?: boolean;
  readonly hint?: string;
}

/** An on/off option. */
export interface CheckboxField {
  readonly kind: "checkbox";
  readonly key: string;
  readonly label: string;
  readonly hint?: string;
}

/** A choice among fixed values. */
export interface SelectField {
  readonly kind: "select";
  readonly key: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly hint?: string;
}

export type Field = NumberField | SelectField | CheckboxField;

/** A value a control committed: its key and the parsed value. */
export type Commit = (key: string, value: string | number | boolean) => void;

let uid = 0;

/** Where a field's input lives, to write values back into it. */
interface Bound {
  readonly field: Field;
  readonly input: HTMLInputElement | HTMLSelectElement;
  readonly output?: HTMLOutputElement;
  readonly error: HTMLElement;
}

function formatValue(field: Field, value: number | string): string {
  if (field.kind !== "range" || typeof value !== "number") return String(value);
  return field.step !== "any" && field.step < 1 ? value.toFixed(2) : String(value);
}

/**
 * Renders `fields` as labelled controls into `parent`; `commit` gets each valid change, and an
 * invalid value is flagged on the control (aria-invalid and a message) without being committed.
 *
 * @example
 * const controls = renderFields(fieldset, [{ kind: "number", key: "depth", label: "Depth", min: 1, max: 50, step: 1 }], commit);
 * controls.set({ depth: 4 });
 */
export function renderFields(
  parent: HTMLElement,
  fields: readonly Field[],
  commit: Commit,
): { set(values: object): void; inputs: Map<string, HTMLElement> } {
  const bound: Bound[] = [];
  for (const field of fields) {
    const id = `f${++uid}-${field.key}`;
    const row = document.createElement("div");
    row.className = `field field-${field.kind}`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = field.label;
    row.append(label);
    const error = document.createElement("small");
    error.className = "field-error";
    error.id = `${id}-error`;
    error.hidden = true;
    let input: HTMLInputElement | HTMLSelectElement;
    let output: HTMLOutputElement | undefined;
    if (field.kind === "select") {
      const select = document.createElement("select");
      for (const option of field.options) select.add(new Option(option.label, option.value));
      input = select;
    } else if (field.kind === "checkbox") {
      const box = document.createElement("input");
      box.type = "checkbox";
      input = box;
    } else {
      const numberInput = document.createElement("input");
      numberInput.type = field.kind;
      if (Number.isFinite(field.min)) numberInput.min = String(field.min);
      if (Number.isFinite(field.max)) numberInput.max = String(field.max);
      numberInput.step = String(field.step);
      if (field.kind === "number") numberInput.inputMode = field.integer ? "numeric" : "decimal";
      input = numberInput;
      if (field.kind === "range") {
        output = document.createElement("output");
        output.htmlFor.add(id);
        numberInput.addEventListener("input", () => {
          if (output) output.value = formatValue(field, Number(numberInput.value));
        });
      }
    }
    input.id = id;
    input.name = field.key;
    input.dataset.key = field.key;
    const described = [error.id];
    if (field.hint) {
      const hint = document.createElement("small");
      hint.className = "field-hint";
      hint.id = `${id}-hint`;
      hint.textContent = field.hint;
      described.push(hint.id);
      row.append(input);
      if (output) row.append(output);
      row.append(hint);
    } else {
      row.append(input);
      if (output) row.append(output);
    }
    input.setAttribute("aria-describedby", described.join(" "));
    row.append(error);
    parent.append(row);
    const entry: Bound = { field, input, error, ...(output ? { output } : {}) };
    bound.push(entry);
    input.addEventListener("change", () => {
      const problem = validate(entry);
      error.hidden = problem === undefined;
      error.textContent = problem ?? "";
      input.setAttribute("aria-invalid", String(problem !== undefined));
      if (problem !== undefined) return;
      commit(field.key, controlValue(entry));
    });
  }
  return {
    set(values) {
      for (const { field, input, output, error } of bound) {
        const value: unknown = Reflect.get(values, field.key);
        if (value === undefined || value === null) continue;
        if (input instanceof HTMLInputElement && input.type === "checkbox")
          input.checked = value === true;
        else input.value = String(value);
        if (output) output.value = formatValue(field, Number(value));
        error.hidden = true;
        input.setAttribute("aria-invalid", "false");
      }
    },
    inputs: new Map(bound.map((b) => [b.field.key, b.input])),
  };
}

/** The control's value as the configuration holds it. */
function controlValue({ field, input }: Bound): string | number | boolean {
  if (field.kind === "select") return input.value;
  if (field.kind === "checkbox") return input instanceof HTMLInputElement && input.checked;
  return Number(input.value);
}

/** Why the control's current value cannot be used, or undefined when it can. */
function validate({ field, input }: Bound): string | undefined {
  if (field.kind === "select" || field.kind === "checkbox") return undefined;
  const text = input.value.trim();
  const value = Number(text);
  if (text === "" || !Number.isFinite(value)) return `${field.label}: enter a number`;
  if (field.integer && !Number.isInteger(value))
    return `${field.label}: ${text} is not a whole number`;
  if (field.above ? value <= field.min : value < field.min)
    return `${field.label}: ${text} must be ${field.above ? "greater than" : "at least"} ${field.min}`;
  if (value > field.max) return `${field.label}: ${text} must be at most ${field.max}`;
  return undefined;
}

/** The keys of the configuration shared by both columns in compare mode (same data and seed). */
export const sharedKeys = [
  "dataset",
  "noise",
  "samples",
  "trainFraction",
  "seed",
] as const satisfies readonly (keyof PlaygroundConfig)[];
