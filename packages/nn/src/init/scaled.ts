import type { Tensor } from "@fluxion/core";
import { type InitOptions, normal, uniform } from "./basic.js";
import { calculateFanInAndFanOut, type FanMode, fanOf } from "./fan.js";
import { calculateGain, type Nonlinearity } from "./gain.js";

/** Options of the Xavier (Glorot) initialisers. */
export interface XavierOptions extends InitOptions {
  /** Scale factor (default 1), e.g. `calculateGain("tanh")`. */
  gain?: number;
}

/** Options of the Kaiming (He) initialisers, PyTorch's defaults. */
export interface KaimingOptions extends InitOptions {
  /** Negative slope of the leaky relu that follows (default 0). */
  a?: number;
  /** Scale by fan-in (default, keeps forward variance) or fan-out (keeps backward variance). */
  mode?: FanMode;
  /** The nonlinearity that follows (default "leakyRelu", as in PyTorch). */
  nonlinearity?: Nonlinearity;
}

function xavierStd(t: Tensor, gain: number, op: string): number {
  const { fanIn, fanOut } = calculateFanInAndFanOut(t, op);
  return gain * Math.sqrt(2 / (fanIn + fanOut));
}

function kaimingStd(t: Tensor, options: KaimingOptions, op: string): number {
  const fan = fanOf(t, options.mode ?? "fanIn", op);
  const gain = calculateGain(options.nonlinearity ?? "leakyRelu", options.a ?? 0);
  return gain / Math.sqrt(fan);
}

/**
 * Xavier/Glorot uniform: U(−b, b) with b = gain·√(6 / (fanIn + fanOut)), in place.
 *
 * @example
 * xavierUniform(w, { gain: calculateGain("tanh") });
 */
export function xavierUniform(t: Tensor, options: XavierOptions = {}): Tensor {
  const bound = Math.sqrt(3) * xavierStd(t, options.gain ?? 1, "xavierUniform");
  return uniform(t, { a: -bound, b: bound, generator: options.generator });
}

/**
 * Xavier/Glorot normal: N(0, std²) with std = gain·√(2 / (fanIn + fanOut)), in place.
 *
 * @example
 * xavierNormal(w);
 */
export function xavierNormal(t: Tensor, options: XavierOptions = {}): Tensor {
  const std = xavierStd(t, options.gain ?? 1, "xavierNormal");
  return normal(t, { std, generator: options.generator });
}

/**
 * Kaiming/He uniform: U(−b, b) with b = gain·√(3 / fan), in place.
 *
 * @example
 * kaimingUniform(w, { nonlinearity: "relu" });
 */
export function kaimingUniform(t: Tensor, options: KaimingOptions = {}): Tensor {
  const bound = Math.sqrt(3) * kaimingStd(t, options, "kaimingUniform");
  return uniform(t, { a: -bound, b: bound, generator: options.generator });
}

/**
 * Kaiming/He normal: N(0, std²) with std = gain / √fan, in place.
 *
 * @example
 * kaimingNormal(w, { mode: "fanOut", nonlinearity: "relu" });
 */
export function kaimingNormal(t: Tensor, options: KaimingOptions = {}): Tensor {
  const std = kaimingStd(t, options, "kaimingNormal");
  return normal(t, { std, generator: options.generator });
}

/**
 * LeCun normal: N(0, 1 / fanIn), in place; what SELU's self-normalisation assumes.
 *
 * NOTE: untruncated, as PyTorch's SELU documentation recommends (kaimingNormal with
 * nonlinearity "linear"); JAX and Keras truncate the normal at two standard deviations.
 *
 * @example
 * lecunNormal(w);
 */
export function lecunNormal(t: Tensor, options: InitOptions = {}): Tensor {
  const std = 1 / Math.sqrt(fanOf(t, "fanIn", "lecunNormal"));
  return normal(t, { std, generator: options.generator });
}
