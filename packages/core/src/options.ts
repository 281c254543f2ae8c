import { ArgumentError } from "./errors.js";
import { describeValue } from "./shape.js";
import { Tensor } from "./tensor/tensor.js";

/**
 * The options object passed to `fn`, with `null` and `undefined` read as `{}` (no options given);
 * anything else that is not a plain object (a number, a string, an array, a tensor) is an
 * ArgumentError naming `fn`. Library functions call it first thing, so a bad options argument
 * never surfaces as a raw TypeError from a property read.
 *
 * @example
 * optionsObject("mseLoss", null); // {}
 * optionsObject("mseLoss", { reduction: "sum" }); // { reduction: "sum" }
 * optionsObject("mseLoss", "sum"); // ArgumentError: mseLoss: options must be an object, got "sum"
 */
export function optionsObject<T extends object>(
  fn: string,
  options: T | null | undefined,
): Partial<T> {
  if (options === undefined || options === null) return {};
  if (
    typeof options !== "object" ||
    Array.isArray(options) ||
    ArrayBuffer.isView(options) ||
    options instanceof Tensor
  )
    throw new ArgumentError(`${fn}: options must be an object, got ${describeValue(options)}`);
  return options;
}
