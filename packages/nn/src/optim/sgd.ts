import { ArgumentError, noGrad, type Tensor } from "@fluxion/core";
import {
  checkBoolean,
  checkRange,
  definedOnly,
  Optimizer,
  type ParamGroup,
  type ParamsInput,
} from "./optimizer.js";

/** Hyperparameters of `SGD` (PyTorch's names in camelCase). */
export interface SGDOptions {
  /** Learning rate (default 1e-3, as in PyTorch). */
  lr: number;
  /** Momentum factor μ (default 0). */
  momentum: number;
  /** Dampening τ of the momentum (default 0). */
  dampening: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Nesterov momentum (default false; needs momentum > 0 and dampening 0). */
  nesterov: boolean;
  /** Maximise the objective instead of minimising it (default false). */
  maximize: boolean;
}

/**
 * Stochastic gradient descent with PyTorch's exact update rule, for each parameter θ with
 * gradient g:
 *   g ← −g if maximize; g ← g + λθ;
 *   with momentum: b ← g at the first step, else b ← μb + (1 − τ)g; g ← g + μb if nesterov, else b;
 *   θ ← θ − lr·g.
 *
 * @example
 * const opt = new SGD(net.parameters(), { lr: 0.1, momentum: 0.9, nesterov: true });
 */
export class SGD extends Optimizer<SGDOptions> {
  constructor(params: ParamsInput<SGDOptions>, options: Partial<SGDOptions> = {}) {
    super("SGD", params, {
      lr: 1e-3,
      momentum: 0,
      dampening: 0,
      weightDecay: 0,
      nesterov: false,
      maximize: false,
      ...definedOnly(options),
    });
  }

  protected validate(o: SGDOptions): void {
    checkRange("SGD", "lr", o.lr, 0);
    checkRange("SGD", "momentum", o.momentum, 0);
    checkRange("SGD", "dampening", o.dampening, -Infinity);
    checkRange("SGD", "weightDecay", o.weightDecay, 0);
    checkBoolean("SGD", "nesterov", o.nesterov);
    checkBoolean("SGD", "maximize", o.maximize);
    if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0))
      throw new ArgumentError(
        `SGD: nesterov momentum needs momentum > 0 and dampening 0, got momentum=${o.momentum}, dampening=${o.dampening}`,
      );
  }

  protected updateGroup(group: ParamGroup<SGDOptions>): void {
    const { lr, momentum, dampening, weightDecay, nesterov, maximize } = group;
    noGrad(() => {
      for (const p of group.params) {
        if (p.grad === null) continue;
        let d: Tensor = maximize ? p.grad.neg() : p.grad;
        if (weightDecay !== 0) d = d.add(p.mul(weightDecay));
        if (momentum !== 0) {
          const state = this.stateOf(p);
          const prev = state.momentumBuffer as Tensor | null | undefined;
          // NOTE: PyTorch's first step stores (a copy of) the gradient itself, without dampening;
          // a copy, so that an in-place change of p.grad (clipping, zero_) leaves the state alone.
          const buf = prev ? prev.mul(momentum).add(d.mul(1 - dampening)) : d.clone();
          state.momentumBuffer = buf;
          d = nesterov ? d.add(buf.mul(momentum)) : buf;
        }
        p.sub_(d, lr);
      }
    });
  }
}
