import { ArgumentError, noGrad, type Tensor } from "@fluxion/core";
import { gradsOf } from "./grads.js";

/**
 * Clamps every gradient of `parameters` to [−clipValue, clipValue], in place, PyTorch's
 * `torch.nn.utils.clip_grad_value_`. Parameters without a gradient are skipped.
 *
 * @example
 * loss.backward();
 * clipGradValue_(net.parameters(), 0.5);
 * opt.step();
 */
export function clipGradValue_(parameters: Tensor | Iterable<Tensor>, clipValue: number): void {
  const op = "clipGradValue_";
  if (typeof clipValue !== "number" || !(clipValue >= 0))
    throw new ArgumentError(
      `${op}: clipValue must be a non-negative number, got ${String(clipValue)}`,
    );
  const grads = gradsOf(op, parameters);
  noGrad(() => {
    for (const g of grads) g.copy_(g.clamp(-clipValue, clipValue));
  });
}
