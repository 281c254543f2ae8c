import { ArgumentError } from "../errors.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";

/** Options of {@link logit}. */
export interface LogitOptions {
  /**
   * When given, x is first clamped to [eps, 1 − eps] (so logit stays finite at 0 and 1; the
   * gradient is 0 outside), as PyTorch's `eps`. Must lie in [0, 0.5].
   */
  eps?: number;
}

/**
 * The log-odds log(x / (1 − x)), elementwise: the inverse of the sigmoid.
 *
 * @example
 * logit(tensor([0.5, 0.75])); // [0, 1.0986]
 * logit(tensor([0, 1]), { eps: 1e-6 }); // [-13.8155, 13.8155]
 */
export function logit(x: TensorLike, options: LogitOptions = {}): Tensor {
  if (typeof options !== "object" || options === null) {
    throw new ArgumentError(
      `logit: options must be an object, got ${options === null ? "null" : typeof options}`,
    );
  }
  const { eps } = options;
  let t = asTensor(x, undefined, "logit");
  if (eps !== undefined) {
    if (!(eps >= 0 && eps <= 0.5)) {
      throw new ArgumentError(`logit: eps must be a number in [0, 0.5], got ${eps}`);
    }
    t = t.clamp(eps, 1 - eps);
  }
  return t.div(t.neg().add(1)).log();
}
