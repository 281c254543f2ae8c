import { Adam, type Parameter, SGD } from "@fluxion/nn";
import type { OptimizerName } from "./protocol.js";

/**
 * The configured optimiser over `params`: plain SGD, SGD with momentum 0.9 (PyTorch's rule), or
 * Adam with PyTorch's defaults (betas 0.9, 0.999; eps 1e-8).
 *
 * @example
 * const opt = makeOptimizer("momentum", net.parameters(), 0.05);
 */
export function makeOptimizer(name: OptimizerName, params: Parameter[], lr: number): Adam | SGD {
  if (name === "adam") return new Adam(params, { lr });
  return new SGD(params, { lr, momentum: name === "momentum" ? 0.9 : 0 });
}
