import { maximum, noGrad, type Tensor, zerosLike } from "@fluxion/core";
import { lerp } from "./lerp.js";
import {
  checkAdamFamilyOptions,
  definedOnly,
  Optimizer,
  type ParamGroup,
  type ParamsInput,
} from "./optimizer.js";

/** Hyperparameters of `Adamax` (PyTorch's names in camelCase). */
export interface AdamaxOptions {
  /** Learning rate (default 2e-3). */
  lr: number;
  /** Decay rates β₁ of the first moment and β₂ of the infinity norm (default [0.9, 0.999]). */
  betas: readonly [number, number];
  /** Added to |g| in the infinity norm for stability (default 1e-8). */
  eps: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Maximise the objective instead of minimising it (default false). */
  maximize: boolean;
}

/**
 * Adamax (Adam with the infinity norm) with PyTorch's exact update, for each parameter θ with
 * gradient g at step t:
 *   g ← −g if maximize; g ← g + λθ; m ← lerp(m, g, 1 − β₁); u ← max(β₂u, |g| + ε);
 *   θ ← θ − (lr / (1 − β₁ᵗ))·m / u.
 *
 * @example
 * const opt = new Adamax(net.parameters(), { lr: 2e-3 });
 */
export class Adamax extends Optimizer<AdamaxOptions> {
  constructor(params: ParamsInput<AdamaxOptions>, options: Partial<AdamaxOptions> = {}) {
    super("Adamax", params, {
      lr: 2e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: 0,
      maximize: false,
      ...definedOnly(options),
    });
  }

  protected validate(o: AdamaxOptions): void {
    checkAdamFamilyOptions(this.name, o);
  }

  protected updateGroup(group: ParamGroup<AdamaxOptions>): void {
    const { lr, betas, eps, weightDecay, maximize } = group;
    const [beta1, beta2] = betas;
    noGrad(() => {
      for (const p of group.params) {
        if (p.grad === null) continue;
        let g: Tensor = maximize ? p.grad.neg() : p.grad;
        const state = this.stateOf(p);
        if (state.step === undefined) {
          state.step = 0;
          state.expAvg = zerosLike(p);
          state.expInf = zerosLike(p);
        }
        const step = (state.step as number) + 1;
        state.step = step;
        if (weightDecay !== 0) g = g.add(p.mul(weightDecay));
        const m = lerp(state.expAvg as Tensor, g, 1 - beta1);
        const u = maximum((state.expInf as Tensor).mul(beta2), g.abs().add(eps));
        state.expAvg = m;
        state.expInf = u;
        p.sub_(m.div(u), lr / (1 - beta1 ** step));
      }
    });
  }
}
