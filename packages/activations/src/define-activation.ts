/**
 * `defineActivation`: an activation is one definition in one file. The definition holds the
 * forward (a fused backend kernel by name, or composed from core ops), the derivative (in tensor
 * ops, so gradients of gradients work), the options with defaults and checks, the facts the docs
 * print, and its test cases. The package entry derives the rest from the list of definitions
 * (list.ts): the Tensor method, the metadata registry, the registry-wide test specs, the docs; nn
 * derives the layer.
 */
import {
  type ActivationKernel,
  asTensor,
  defineOp,
  floatDType,
  type Tensor,
  type TensorLike,
} from "@fluxion/core";
import type { ActivationFacts, ActivationInfo, ActivationParameter } from "./info.js";
import { type BackwardOp, defineActivationBackward, defineFusedActivation } from "./internal.js";
import { type OptionSpecs, type OptionsOf, type Resolved, resolveOptions } from "./options.js";
import {
  type ActivationCase,
  type ActivationSpec,
  CASE_SHAPE,
  type ElementwiseCase,
  type InputDomain,
} from "./spec.js";

/** What every definition states besides its forward and derivative. */
interface Common<
  N extends string,
  O extends OptionSpecs,
  L extends string | null,
  M extends boolean,
> {
  /** The function's name: its op's registry key, its Tensor method, its row in the docs. */
  readonly name: N;
  /** Its options, with defaults and checks (see `numberOption` and friends). */
  readonly options: O;
  /** Checks between options (hardtanh: minVal < maxVal); `fn` is the function or layer called. */
  check?(options: Resolved<O>, fn: string): void;
  /** The facts docs/activations.md prints; tests check them against the function. */
  readonly about: ActivationFacts;
  /** PyTorch's class name for its @fluxion/nn layer, or null for none. */
  readonly layer: L;
  /** Whether tensors get it as a method, `x.relu()` (default true). */
  readonly method?: M;
}

/** An elementwise activation running one fused kernel forward and one backward. */
export interface FusedDefinition<
  N extends string,
  O extends OptionSpecs,
  L extends string | null,
  M extends boolean,
  P extends readonly number[],
> extends Common<N, O, L, M> {
  /** The backend kernel: `activation` computes f(x), `activationGrad` g ⊙ f'(x), one pass each. */
  readonly kernel: ActivationKernel;
  /** The kernel's numeric parameters from the options (order: core's `activationKernelParams`). */
  params(options: Resolved<O>): P;
  /**
   * h ⊙ g ⊙ f''(x) in tensor ops, the second derivative that makes the backward op differentiable:
   * `hg` is h ⊙ g premultiplied, `backward` the backward op ((g, x) ↦ g ⊙ f'(x)) for f'-shaped terms.
   */
  second(hg: Tensor, x: Tensor, params: P, backward: BackwardOp<P>): Tensor;
  /**
   * Chooses how to compute a call (swish with a tensor β composes ops instead); default: the fused
   * op with `params(options)`.
   */
  route?(x: Tensor, options: Resolved<O>, fused: (x: Tensor, params: P) => Tensor): Tensor;
  /** Cases for the gradient checks (its backward op is checked on the same cases). */
  readonly test: {
    readonly cases: readonly ElementwiseCase<OptionsOf<O>>[];
    /** More cases of the function with other inputs (a learnable β). */
    readonly extra?: readonly ActivationCase[];
  };
}

/** An elementwise activation composed from core ops, with its derivative in tensor ops. */
export interface ComposedDefinition<
  N extends string,
  O extends OptionSpecs,
  L extends string | null,
  M extends boolean,
> extends Common<N, O, L, M> {
  /** f(x) from core ops (x is already a float tensor). */
  forward(x: Tensor, options: Resolved<O>): Tensor;
  /** f'(x) in tensor ops; the vjp is g ⊙ f'(x), differentiable again through these ops. */
  derivative(x: Tensor, options: Resolved<O>): Tensor;
  /** Cases for the gradient checks. */
  readonly test: {
    readonly cases: readonly ElementwiseCase<OptionsOf<O>>[];
    /** Whether the derivative is differentiable on the drawn domain (default true). */
    readonly twice?: boolean;
  };
}

/** An activation whose ops are written out in its file (several forms, an axis, a learnable input). */
export interface CustomDefinition<
  N extends string,
  O extends OptionSpecs,
  L extends string | null,
  M extends boolean,
> extends Common<N, O, L, M> {
  /** "axis" for a function of a whole axis (softmax); default "elementwise". */
  readonly kind?: "elementwise" | "axis";
  /** Computes a call with checked options, through ops defined in the same file. */
  apply(x: Tensor, options: Resolved<O>): Tensor;
  /** The specs of every op the file registers. */
  readonly specs: readonly ActivationSpec[];
}

/**
 * An activation with its own argument list instead of options (prelu's learnable slope); `plot`
 * applies it with typical arguments for figures.
 */
export interface SignatureDefinition<
  N extends string,
  L extends string | null,
  M extends boolean,
  Args extends readonly unknown[],
> extends Common<N, Record<never, never>, L, M> {
  /** Computes a call from x (a tensor) and the extra arguments. */
  call(x: Tensor, ...args: Args): Tensor;
  /** Its arguments, for the docs. */
  readonly parameters: readonly ActivationParameter[];
  /** Applies it with typical arguments, for figures. */
  readonly plot: (x: Tensor) => Tensor;
  /** The specs of every op the file registers. */
  readonly specs: readonly ActivationSpec[];
}

const BRAND = Symbol("fluxion.activation");

/** A defined activation: the function itself, carrying its metadata and test specs. */
export interface Activation<
  N extends string = string,
  L extends string | null = string | null,
  M extends boolean = boolean,
  Args extends readonly unknown[] = readonly never[],
> {
  (x: TensorLike, ...args: Args): Tensor;
  /** Its metadata (docs, plots, registry-wide tests). */
  readonly info: ActivationInfo & { readonly name: N; readonly layer: L; readonly method: M };
  /** The specs of every op it registers (its backward op's too), for the registry-wide tests. */
  readonly specs: readonly ActivationSpec[];
  /** Marks values made by `defineActivation` (see `isActivation`). */
  readonly [BRAND]: true;
}

/** An activation called as `f(x, options?)`: layers read its option declarations. */
export interface OptionsActivation<
  N extends string = string,
  L extends string | null = string | null,
  O extends OptionSpecs = OptionSpecs,
  M extends boolean = boolean,
> extends Activation<N, L, M, [options?: OptionsOf<O>]> {
  /** Its option declarations (defaults, descriptions, checks). */
  readonly optionSpecs: O;
  /** Options with defaults filled in, each and their combination checked; errors name `fn`. */
  readonly resolve: (fn: string, given: unknown) => Resolved<O>;
}

/** A fused activation also exposes its backward op, (g, x) ↦ g ⊙ f'(x), for other rules to use. */
export interface FusedActivation<
  N extends string,
  L extends string | null,
  O extends OptionSpecs,
  M extends boolean,
  P extends readonly number[],
> extends OptionsActivation<N, L, O, M> {
  /** (g, x) ↦ g ⊙ f'(x) in one kernel pass, attributes the kernel's parameters. */
  readonly backward: BackwardOp<P>;
}

/**
 * Whether a value is an activation made by `defineActivation`.
 *
 * @example
 * Object.values(await import("@fluxion/activations")).filter(isActivation);
 */
export function isActivation(
  value: unknown,
): value is Activation<string, string | null, boolean, never[]> {
  return typeof value === "function" && BRAND in value;
}

/**
 * Defines an activation from one definition: returns the function `f(x, options?)` (usable on
 * anything tensor-like), carrying `info` (metadata for docs and plots) and `specs` (its test
 * specs). Listing it in list.ts gives it a Tensor method, a registry entry and a row in the docs,
 * and nn a layer of the class name `layer`.
 *
 * @example
 * // softsign.ts, plus `export * from "./softsign.js";` in list.ts
 * export const softsign = defineActivation({
 *   name: "softsign",
 *   options: {},
 *   forward: (x) => x.div(x.abs().add(1)),
 *   // f'(x) = 1 / (1 + |x|)²
 *   derivative: (x) => div(1, x.abs().add(1).pow(2)),
 *   about: { formula: "x / (1 + |x|)", derivative: "1 / (1 + |x|)²", range: "(−1, 1)", ... },
 *   layer: "Softsign",
 *   test: { cases: [{ label: "default", avoid: [0] }] },
 * });
 * softsign(tensor([-3, 1])); // [-0.75, 0.5]
 * tensor([-3, 1]).softsign(); // the same
 */
export function defineActivation<
  const N extends string,
  O extends OptionSpecs,
  const L extends string | null,
  const P extends readonly number[],
  const M extends boolean = true,
>(def: FusedDefinition<N, O, L, M, P>): FusedActivation<N, L, O, M, P>;
export function defineActivation<
  const N extends string,
  O extends OptionSpecs,
  const L extends string | null,
  const M extends boolean = true,
>(
  def: ComposedDefinition<N, O, L, M> | CustomDefinition<N, O, L, M>,
): OptionsActivation<N, L, O, M>;
export function defineActivation<
  const N extends string,
  const L extends string | null,
  Args extends readonly unknown[],
  const M extends boolean = true,
>(def: SignatureDefinition<N, L, M, Args>): Activation<N, L, M, Args>;
export function defineActivation(
  def:
    | FusedDefinition<string, OptionSpecs, string | null, boolean, readonly number[]>
    | ComposedDefinition<string, OptionSpecs, string | null, boolean>
    | CustomDefinition<string, OptionSpecs, string | null, boolean>
    | SignatureDefinition<string, string | null, boolean, readonly unknown[]>,
): Activation<string, string | null, boolean, never[]> {
  if ("call" in def) return fromSignature(def);
  const resolve = (fn: string, given: unknown) => {
    const options = resolveOptions(fn, def.options, given);
    def.check?.(options, fn);
    return options;
  };
  let apply: (x: Tensor, options: Resolved<OptionSpecs>) => Tensor;
  let specs: readonly ActivationSpec[];
  let extra: object = {};
  const call = (x: TensorLike, options?: unknown) =>
    apply(asTensor(x, undefined, def.name), resolve(def.name, options));
  const forCase = (c: ElementwiseCase<unknown>) => (x: Tensor) => call(x, c.options);
  if ("kernel" in def) {
    const { backward, fused } = fusedOps(def);
    const route = def.route;
    apply = route ? (x, o) => route(x, o, fused) : (x, o) => fused(x, def.params(o));
    specs = [
      spec(def.name, [
        ...def.test.cases.map((c) => elementwiseCase(c, forCase(c))),
        ...(def.test.extra ?? []),
      ]),
      spec(
        backward.def.name,
        def.test.cases.map((c) => ({
          label: c.label,
          inputs: [{ shape: CASE_SHAPE, min: -2, max: 2 }, xDomain(c)],
          apply: (g: Tensor, x: Tensor) =>
            backward([g, x], def.params(resolve(def.name, c.options))),
        })),
      ),
    ];
    extra = { backward };
  } else if ("forward" in def) {
    apply = composedOp(def);
    specs = [
      spec(
        def.name,
        def.test.cases.map((c) => elementwiseCase(c, forCase(c))),
        def.test.twice ?? true,
      ),
    ];
  } else {
    apply = def.apply;
    specs = def.specs;
  }
  const parameters = Object.entries(def.options).map(([name, o]) => ({
    name,
    default: optionDefault(o.default),
    description: o.description,
  }));
  const kind = "kind" in def ? (def.kind ?? "elementwise") : "elementwise";
  const info: ActivationInfo = {
    ...def.about,
    name: def.name,
    parameters,
    differentiable: true,
    kind,
    layer: def.layer,
    method: def.method ?? true,
    apply: (x) => call(x),
  };
  return Object.assign(named(def.name, call), {
    info,
    specs,
    optionSpecs: def.options,
    resolve,
    [BRAND]: true as const,
    ...extra,
  });
}

function fromSignature(
  def: SignatureDefinition<string, string | null, boolean, readonly unknown[]>,
): Activation<string, string | null, boolean, never[]> {
  const call = (x: TensorLike, ...args: readonly unknown[]) =>
    def.call(asTensor(x, undefined, def.name), ...args);
  const info: ActivationInfo = {
    ...def.about,
    name: def.name,
    parameters: def.parameters,
    differentiable: true,
    kind: "elementwise",
    layer: def.layer,
    method: def.method ?? true,
    apply: def.plot,
  };
  return Object.assign(named(def.name, call), { info, specs: def.specs, [BRAND]: true as const });
}

/** `fn` renamed (stack traces and `relu.name` read "relu"). */
function named<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  Object.defineProperty(fn, "name", { value: name });
  return fn;
}

function optionDefault(value: unknown): number | string | boolean | null {
  return typeof value === "number" || typeof value === "string" || typeof value === "boolean"
    ? value
    : null;
}

function fusedOps<P extends readonly number[]>(
  def: FusedDefinition<string, OptionSpecs, string | null, boolean, P>,
): { backward: BackwardOp<P>; fused: (x: Tensor, params: P) => Tensor } {
  const backward = defineActivationBackward<P>({
    name: `${def.name}Backward`,
    kernel: def.kernel,
    second: def.second,
  });
  const op = defineFusedActivation<P>({ name: def.name, kernel: def.kernel, backward });
  return { backward, fused: (x, params) => op([x], params) };
}

function composedOp<O extends OptionSpecs>(
  def: ComposedDefinition<string, O, string | null, boolean>,
): (x: Tensor, options: Resolved<O>) => Tensor {
  const op = defineOp<[Tensor], Resolved<O>>({
    name: def.name,
    shape: ([x]) => x.shape,
    dtype: floatDType,
    compute: ([x], options, out) => def.forward(x.to(out.dtype), options),
    // g ⊙ f'(x), from the saved input
    vjp: (g, { inputs: [x], attrs }) => [g.mul(def.derivative(x.to(g.dtype), attrs))],
  });
  return (x, options) => op([x], options);
}

function xDomain(c: ElementwiseCase<unknown>): InputDomain {
  const d = { shape: CASE_SHAPE, min: c.min ?? -4, max: c.max ?? 4 };
  return c.avoid ? { ...d, avoid: c.avoid } : d;
}

function elementwiseCase(
  c: ElementwiseCase<unknown>,
  apply: (x: Tensor) => Tensor,
): ActivationCase {
  return { label: c.label, inputs: [xDomain(c)], apply };
}

/** A spec of a differentiable op. */
export function spec(op: string, cases: readonly ActivationCase[], twice = true): ActivationSpec {
  return { op, cases, twiceDifferentiable: twice, differentiable: true };
}

/** The options object an activation takes, e.g. `ActivationOptions<typeof leakyRelu>`. */
export type ActivationOptions<A> =
  A extends OptionsActivation<string, string | null, infer O, boolean> ? OptionsOf<O> : never;
