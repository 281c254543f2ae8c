import { noGrad, type Tensor, zerosLike } from "@fluxion/core";
import { lerp } from "./lerp.js";
import {
  checkRange,
  definedOnly,
  Optimizer,
  type ParamGroup,
  type ParamsInput,
} from "./optimizer.js";

/** Hyperparameters of `RMSprop` (PyTorch's names in camelCase). */
export interface RMSpropOptions {
  /** Learning rate (default 1e-2). */
  lr: number;
  /** Smoothing constant α of the squared-gradient average (default 0.99). */
  alpha: number;
  /** Added to the denominator for stability (default 1e-8). */
  eps: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Momentum factor μ (default 0). */
  momentum: number;
  /** Divide by an estimate of the gradient's variance instead of its second moment (default false). */
  centered: boolean;
  /** Maximise the objective instead of minimising it (default false). */
  maximize: boolean;
}

/**
 * RMSprop with PyTorch's exact update, for each parameter θ with gradient g:
 *   g ← −g if maximize; g ← g + λθ; v ← αv + (1 − α)g²;
 *   centered: ḡ ← lerp(ḡ, g, 1 − α), d ← √(v − ḡ²) + ε; otherwise d ← √v + ε;
 *   momentum μ > 0: b ← μb + g/d, θ ← θ − lr·b; otherwise θ ← θ − lr·g/d.
 *
 * @example
 * const opt = new RMSprop(net.parameters(), { lr: 1e-3, momentum: 0.9 });
 */
export class RMSprop extends Optimizer<RMSpropOptions> {
  constructor(params: ParamsInput<RMSpropOptions>, options: Partial<RMSpropOptions> = {}) {
    super("RMSprop", params, {
      lr: 1e-2,
      alpha: 0.99,
      eps: 1e-8,
      weightDecay: 0,
      momentum: 0,
      centered: false,
      maximize: false,
      ...definedOnly(options),
    });
  }

  protected validate(o: RMSpropOptions): void {
    checkRange(this.name, "lr", o.lr, 0);
    checkRange(this.name, "eps", o.eps, 0);
    checkRange(this.name, "momentum", o.momentum, 0);
    checkRange(this.name, "alpha", o.alpha, 0);
    checkRange(this.name, "weightDecay", o.weightDecay, 0);
  }

  protected updateGroup(group: ParamGroup<RMSpropOptions>): void {
    const { lr, alpha, eps, weightDecay, momentum, centered, maximize } = group;
    noGrad(() => {
      for (const p of group.params) {
        if (p.grad === null) continue;
        let g: Tensor = maximize ? p.grad.neg() : p.grad;
        const state = this.stateOf(p);
        if (state.step === undefined) {
          state.step = 0;
          state.squareAvg = zerosLike(p);
          if (momentum > 0) state.momentumBuffer = zerosLike(p);
          if (centered) state.gradAvg = zerosLike(p);
        }
        state.step = (state.step as number) + 1;
        if (weightDecay !== 0) g = g.add(p.mul(weightDecay));
        const squareAvg = (state.squareAvg as Tensor).mul(alpha).add(g.mul(g).mul(1 - alpha));
        state.squareAvg = squareAvg;
        let avg: Tensor;
        if (centered) {
          const gradAvg = lerp((state.gradAvg as Tensor | undefined) ?? zerosLike(p), g, 1 - alpha);
          state.gradAvg = gradAvg;
          avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt();
        } else avg = squareAvg.sqrt();
        avg = avg.add(eps);
        if (momentum > 0) {
          const prev = (state.momentumBuffer as Tensor | undefined) ?? zerosLike(p);
          const buf = prev.mul(momentum).add(g.div(avg));
          state.momentumBuffer = buf;
          p.sub_(buf, lr);
        } else p.sub_(g.div(avg), lr);
      }
    });
  }
}
