import { argmaxInfo } from "./argmax-info.js";
import { type Activation, isActivation } from "./define-activation.js";
import type { ActivationInfo } from "./info.js";
import * as list from "./list.js";

const listed: readonly unknown[] = Object.values(list);

/** Every activation defined in list.ts, by name (alphabetical). */
export const activationList: readonly Activation[] = listed
  .filter(isActivation)
  .sort((a, b) => (a.info.name < b.info.name ? -1 : 1));

/**
 * Every activation's metadata, by name, then core's argmax (which the lecture treats as one).
 * docs/activations.md, the docs figure and the tests iterate this.
 *
 * @example
 * for (const a of activations) console.log(a.name, a.range, a.monotonic);
 */
export const activations: readonly ActivationInfo[] = [
  ...activationList.map((a) => a.info),
  argmaxInfo,
];

/**
 * The metadata of the activation named `name`, or undefined.
 *
 * @example
 * getActivation("gelu")?.formula;
 */
export function getActivation(name: string): ActivationInfo | undefined {
  return activations.find((a) => a.name === name);
}
