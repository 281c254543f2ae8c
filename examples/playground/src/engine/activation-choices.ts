import type { Activation, OptionSpec, OptionsActivation } from "@fluxion/activations";
import * as act from "@fluxion/activations";
import { ArgumentError, type Tensor } from "@fluxion/core";
import type { ActivationChoice, ActivationOptionChoice, OptionValue } from "./protocol.js";

// NOTE: an axis activation's `axis` option is left out (fixed at −1, the units of a layer): any
// other axis would mix the examples of a batch.
const hiddenOptions = new Set(["axis"]);

function hasOptions(a: Activation): a is Activation & OptionsActivation {
  return "optionSpecs" in a;
}

/**
 * Every differentiable activation of @fluxion/activations' list (its exports), alphabetical: those
 * called with options, and prelu, whose one argument is the learnable slope (an activation with
 * another signature would need its own case here).
 */
const listed: readonly Activation[] = (Object.values(act) as unknown[])
  .filter(act.isActivation)
  .filter((a) => a.info.differentiable && (hasOptions(a) || a === act.prelu))
  .sort((a, b) => (a.info.name < b.info.name ? -1 : 1));

function optionChoice(name: string, spec: OptionSpec<unknown>): ActivationOptionChoice | null {
  const { default: value, description } = spec;
  if (spec.choices && typeof value === "string")
    return { name, kind: "choice", default: value, choices: [...spec.choices], description };
  if (typeof value === "boolean") return { name, kind: "boolean", default: value, description };
  if (typeof value === "number")
    return { name, kind: "number", default: value, positive: spec.positive === true, description };
  return null;
}

/**
 * The activations the playground offers, derived from @fluxion/activations' list and its option
 * declarations (defaults, descriptions, choices): every differentiable activation of the list.
 *
 * @example
 * activationChoices().find((a) => a.name === "leakyRelu")?.options[0]?.default; // 0.01
 */
export function activationChoices(): ActivationChoice[] {
  return listed.map((a) => {
    const options: ActivationOptionChoice[] = [];
    if (hasOptions(a)) {
      for (const [name, spec] of Object.entries(a.optionSpecs)) {
        if (hiddenOptions.has(name)) continue;
        const choice = optionChoice(name, spec);
        if (choice) options.push(choice);
      }
    }
    return {
      name: a.info.name,
      formula: a.info.formula,
      remark: a.info.remark,
      options,
      learnable: a.info.parameters.filter((p) => p.default === null).map((p) => p.name),
    };
  });
}

/** The activation's default options (those activationChoices() shows). */
export function defaultActivationOptions(name: string): Record<string, OptionValue> {
  const choice = activationChoices().find((a) => a.name === name);
  return Object.fromEntries((choice?.options ?? []).map((o) => [o.name, o.default]));
}

/** An activation resolved for a model: how to apply it, and whether it holds a learnable slope. */
export interface ResolvedActivation {
  readonly name: string;
  /** "axis": a function of a whole layer (softmax); "elementwise": one unit at a time. */
  readonly kind: "elementwise" | "axis";
  /** Whether it takes a learnable slope tensor (prelu) as its second argument. */
  readonly learnableSlope: boolean;
  /** f(z) with the configured options (and the slope for prelu). */
  apply(z: Tensor, slope?: Tensor): Tensor;
}

/**
 * Looks up an activation by name and checks its options with the activation's own checks; errors
 * name `fn` (the function the user called), the option and the value.
 *
 * @example
 * resolveActivation("leakyRelu", { negativeSlope: 0.2 }, "Trainer").apply(tensor([-1, 1]));
 */
export function resolveActivation(
  name: string,
  options: Record<string, OptionValue>,
  fn: string,
): ResolvedActivation {
  const a = listed.find((x) => x.info.name === name);
  if (!a) {
    const names = listed.map((x) => x.info.name).join(", ");
    throw new ArgumentError(`${fn}: unknown activation '${name}' (choices: ${names})`);
  }
  if (!hasOptions(a)) {
    const given = Object.keys(options);
    if (given.length > 0)
      throw new ArgumentError(
        `${fn}: activation '${name}' has no options, got ${given.map((k) => `'${k}'`).join(", ")}`,
      );
    return {
      name,
      kind: a.info.kind,
      learnableSlope: true,
      apply: (z, slope) => {
        if (!slope) throw new ArgumentError(`${fn}: activation '${name}' needs its slope tensor`);
        return act.prelu(z, slope);
      },
    };
  }
  for (const key of Object.keys(options)) {
    if (hiddenOptions.has(key))
      throw new ArgumentError(`${fn}: option '${key}' of '${name}' is fixed in the playground`);
  }
  const resolved = a.resolve(`${fn} (activation '${name}')`, options);
  return { name, kind: a.info.kind, learnableSlope: false, apply: (z) => a(z, resolved) };
}
