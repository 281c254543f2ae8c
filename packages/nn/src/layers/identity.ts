import type { Tensor } from "@fluxion/core";
import { Module } from "../module/module.js";

/**
 * Returns its input unchanged; a placeholder, e.g. for a layer switched off.
 *
 * @example
 * new Identity().call(x) === x; // true
 */
export class Identity extends Module {
  override forward(x: Tensor): Tensor {
    return x;
  }
}
