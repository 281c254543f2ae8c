/**
 * @fluxion/activations: every activation function of the lecture as an exact, differentiable op in
 * @fluxion/core's registry, with fused kernels for the common ones and readable metadata. Importing
 * it gives tensors the activations as methods (`x.relu()`); test specs are in
 * `@fluxion/activations/testing`.
 *
 * @module @fluxion/activations
 */
import { markBuiltinOps, Tensor, type TensorLike } from "@fluxion/core";
import type * as list from "./list.js";
import { activationList } from "./registry.js";

export {
  type Activation,
  type ActivationOptions,
  type ComposedDefinition,
  type CustomDefinition,
  defineActivation,
  type FusedActivation,
  type FusedDefinition,
  isActivation,
  type OptionsActivation,
  type SignatureDefinition,
} from "./define-activation.js";
export type {
  ActivationFacts,
  ActivationInfo,
  ActivationKink,
  ActivationParameter,
} from "./info.js";
export * from "./list.js";
export {
  booleanOption,
  choiceOption,
  numberOption,
  type OptionSpec,
  type OptionSpecs,
  type OptionsOf,
} from "./options.js";
export { activations, getActivation } from "./registry.js";

type Listed = typeof list;

/** An activation's method form: `x.f(...args)` for `f(x, ...args)`. */
type MethodOf<A> = A extends { readonly info: { readonly method: false } }
  ? never
  : A extends (x: TensorLike, ...args: infer R) => Tensor
    ? (...args: R) => Tensor
    : never;

/**
 * The activations of list.ts as Tensor methods (`x.relu()`, `x.prelu(a)`). Keys come from the
 * list's export names alone (constants such as SELU_ALPHA left out), so that resolving Tensor's
 * members never needs the definitions' inferred types; an activation with `method: false`
 * (linear) has type never: it cannot be called.
 */
export type ActivationMethods = {
  [K in keyof Listed as K extends Uppercase<K> ? never : K]: MethodOf<Listed[K]>;
};

declare module "@fluxion/core" {
  // The activations' chained forms; installed below, by this same module, so that they exist at
  // run time exactly when these types are in scope.
  interface Tensor extends ActivationMethods {}
}

for (const a of activationList) {
  if (!a.info.method) continue;
  Object.defineProperty(Tensor.prototype, a.info.name, {
    value: function (this: Tensor, ...args: readonly never[]) {
      return a(this, ...args);
    },
    writable: true,
    configurable: true,
  });
}

// Every activation module above has run: their ops are built in (defineOp will not redefine them).
markBuiltinOps();
