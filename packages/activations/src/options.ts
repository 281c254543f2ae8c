/**
 * Options of an activation, declared once with their defaults, descriptions and checks: the
 * function, its Tensor method, its nn layer and the docs all read the same declaration.
 */
import { ArgumentError } from "@fluxion/core";

/** Where a value is checked: the function (or layer) the user called and the option's name. */
export interface OptionSite {
  readonly fn: string;
  readonly option: string;
}

/** One option: its default, what it means, and the check that returns the accepted value. */
export interface OptionSpec<T> {
  /** The value used when the option is left out. */
  readonly default: T;
  /** What the option means, for docs/activations.md. */
  readonly description: string;
  /** Returns the value, or throws an ArgumentError naming the function, the option and the value. */
  readonly check: (value: unknown, site: OptionSite) => T;
  /** A choice option's accepted values (`choiceOption`), for forms and docs. */
  readonly choices?: readonly string[];
  /** Whether a number option accepts only values > 0 (`numberOption` with `positive`). */
  readonly positive?: boolean;
}

/** A record of option declarations. */
export type OptionSpecs = { readonly [name: string]: OptionSpec<unknown> };

/** The value type of an option declaration. */
export type OptionValue<S> = S extends OptionSpec<infer T> ? T : never;

/** What a user passes: every option optional. */
export type OptionsOf<O extends OptionSpecs> = { [K in keyof O]?: OptionValue<O[K]> };

/** Every option present, defaults filled in and checked. */
export type Resolved<O extends OptionSpecs> = { readonly [K in keyof O]: OptionValue<O[K]> };

/** A value as it reads in an error message. */
export function show(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "number" || typeof value === "boolean" || value == null)
    return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  return name ? `a ${name}` : typeof value;
}

interface NumberRule {
  /** Only values > 0. */
  readonly positive?: boolean;
  /** Also accept +Infinity (softplus's threshold: never linear). */
  readonly allowInfinity?: boolean;
}

/**
 * A number option.
 *
 * @example
 * const options = { negativeSlope: numberOption(0.01, "slope a for x < 0") };
 */
export function numberOption(
  defaultValue: number,
  description: string,
  rule: NumberRule = {},
): OptionSpec<number> {
  return {
    default: defaultValue,
    description,
    ...(rule.positive ? { positive: true } : {}),
    check: (value, { fn, option }) => {
      const ok =
        typeof value === "number" &&
        (Number.isFinite(value) || (rule.allowInfinity === true && value === Infinity));
      if (!ok) {
        const what = rule.allowInfinity ? "a finite number or Infinity" : "a finite number";
        throw new ArgumentError(`${fn}: ${option} must be ${what}, got ${show(value)}`);
      }
      if (rule.positive && !(value > 0))
        throw new ArgumentError(`${fn}: ${option} must be positive, got ${value}`);
      return value;
    },
  };
}

/**
 * A boolean option.
 *
 * @example
 * const options = { straightThrough: booleanOption(false, "straight-through estimator") };
 */
export function booleanOption(defaultValue: boolean, description: string): OptionSpec<boolean> {
  return {
    default: defaultValue,
    description,
    check: (value, { fn, option }) => {
      if (typeof value !== "boolean")
        throw new ArgumentError(`${fn}: ${option} must be true or false, got ${show(value)}`);
      return value;
    },
  };
}

/**
 * An option that is one of a few strings.
 *
 * @example
 * const options = { approximate: choiceOption("none", ["none", "tanh"] as const, "the form") };
 */
export function choiceOption<const C extends readonly string[]>(
  defaultValue: C[number],
  choices: C,
  description: string,
): OptionSpec<C[number]> {
  return {
    default: defaultValue,
    description,
    choices,
    check: (value, { fn, option }) => {
      const found = choices.find((c) => c === value);
      if (found === undefined) {
        const list = choices.map((c) => `'${c}'`).join(", ");
        throw new ArgumentError(`${fn}: ${option} must be one of ${list}, got ${show(value)}`);
      }
      return found;
    },
  };
}

/**
 * Fills in defaults and checks every option; an unknown option (a typo such as `slope` for
 * `negativeSlope`) is an error rather than silently ignored.
 */
export function resolveOptions<O extends OptionSpecs>(
  fn: string,
  specs: O,
  given: unknown,
): Resolved<O> {
  if (given !== undefined && (given === null || typeof given !== "object" || Array.isArray(given)))
    throw new ArgumentError(`${fn}: options must be an object, got ${show(given)}`);
  const set = new Map(Object.entries(given ?? {}));
  for (const key of set.keys()) {
    if (!Object.hasOwn(specs, key)) {
      const known = Object.keys(specs);
      const expected = known.length > 0 ? known.join(", ") : "none";
      throw new ArgumentError(`${fn}: unknown option '${key}' (options: ${expected})`);
    }
  }
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const value = set.get(key);
    values[key] = value === undefined ? spec.default : spec.check(value, { fn, option: key });
  }
  return values as Resolved<O>;
}
