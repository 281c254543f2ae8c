import { ArgumentError, type Generator, noGrad, type Tensor } from "@fluxion/core";
import { fillWith, generatorOr } from "./fill.js";

/** Options of the random initialisers: where the random numbers come from. */
export interface InitOptions {
  /** Default: core's default generator (seeded by `manualSeed`). */
  generator?: Generator;
}

/**
 * Fills `t` with `value`, in place; returns `t`.
 *
 * @example
 * constant(linear.bias!, 0.1);
 */
export function constant(t: Tensor, value: number): Tensor {
  if (Number.isNaN(value)) throw new ArgumentError("constant: value is NaN");
  return noGrad(() => t.fill_(value));
}

/** Fills `t` with zeros, in place. @example zeros(linear.bias!) */
export function zeros(t: Tensor): Tensor {
  return constant(t, 0);
}

/** Fills `t` with ones, in place. @example ones(scale) */
export function ones(t: Tensor): Tensor {
  return constant(t, 1);
}

/**
 * Fills `t` with draws from U(a, b), in place.
 *
 * @example
 * uniform(w, { a: -0.1, b: 0.1, generator: new Generator(0) });
 */
export function uniform(t: Tensor, options: InitOptions & { a?: number; b?: number } = {}): Tensor {
  const a = options.a ?? 0;
  const b = options.b ?? 1;
  if (!(a <= b)) throw new ArgumentError(`uniform: needs a ≤ b, got a=${a}, b=${b}`);
  const g = generatorOr(options.generator);
  return fillWith(t, () => a + (b - a) * g.uniform());
}

/**
 * Fills `t` with draws from N(mean, std²), in place.
 *
 * @example
 * normal(w, { std: 0.02 });
 */
export function normal(
  t: Tensor,
  options: InitOptions & { mean?: number; std?: number } = {},
): Tensor {
  const mean = options.mean ?? 0;
  const std = options.std ?? 1;
  if (!(std >= 0)) throw new ArgumentError(`normal: std must be non-negative, got ${std}`);
  const g = generatorOr(options.generator);
  return fillWith(t, () => mean + std * g.normal());
}
