import { div, noGrad, type Tensor, zerosLike } from "@fluxion/core";
import { lerp } from "./lerp.js";
import {
  checkAdamFamilyOptions,
  definedOnly,
  Optimizer,
  type ParamGroup,
  type ParamsInput,
} from "./optimizer.js";

/** Hyperparameters of `RAdam` (PyTorch's names in camelCase). */
export interface RAdamOptions {
  /** Learning rate (default 1e-3). */
  lr: number;
  /** Decay rates β₁, β₂ of the first and second moment estimates (default [0.9, 0.999]). */
  betas: readonly [number, number];
  /** Added to the denominator for stability (default 1e-8). */
  eps: number;
  /** L2 penalty, or decoupled decay with `decoupledWeightDecay` (default 0). */
  weightDecay: number;
  /** Decay weights as AdamW does, θ ← θ(1 − lr·λ), instead of adding λθ to g (default false). */
  decoupledWeightDecay: boolean;
  /** Maximise the objective instead of minimising it (default false). */
  maximize: boolean;
}

/**
 * RAdam (rectified Adam) with PyTorch's exact update, for each parameter θ with gradient g at
 * step t:
 *   g ← −g if maximize; g ← g + λθ (or θ ← θ(1 − lr·λ) when decoupled);
 *   m ← lerp(m, g, 1 − β₁); v ← β₂v + (1 − β₂)g²; m̂ = m / (1 − β₁ᵗ);
 *   ρ∞ = 2/(1 − β₂) − 1; ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ);
 *   ρₜ > 5: r = √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ)), θ ← θ − lr·m̂·r·√(1 − β₂ᵗ)/(√v + ε);
 *   otherwise θ ← θ − lr·m̂ (an SGD-with-momentum step while the variance estimate is unreliable).
 *
 * @example
 * const opt = new RAdam(net.parameters(), { lr: 1e-3 });
 */
export class RAdam extends Optimizer<RAdamOptions> {
  constructor(params: ParamsInput<RAdamOptions>, options: Partial<RAdamOptions> = {}) {
    super("RAdam", params, {
      lr: 1e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: 0,
      decoupledWeightDecay: false,
      maximize: false,
      ...definedOnly(options),
    });
  }

  protected validate(o: RAdamOptions): void {
    checkAdamFamilyOptions(this.name, o);
  }

  protected updateGroup(group: ParamGroup<RAdamOptions>): void {
    const { lr, betas, eps, weightDecay, decoupledWeightDecay, maximize } = group;
    const [beta1, beta2] = betas;
    noGrad(() => {
      for (const p of group.params) {
        if (p.grad === null) continue;
        let g: Tensor = maximize ? p.grad.neg() : p.grad;
        const state = this.stateOf(p);
        if (state.step === undefined) {
          state.step = 0;
          state.expAvg = zerosLike(p);
          state.expAvgSq = zerosLike(p);
        }
        const step = (state.step as number) + 1;
        state.step = step;
        if (weightDecay !== 0) {
          if (decoupledWeightDecay) p.mul_(1 - lr * weightDecay);
          else g = g.add(p.mul(weightDecay));
        }
        const m = lerp(state.expAvg as Tensor, g, 1 - beta1);
        const v = (state.expAvgSq as Tensor).mul(beta2).add(g.mul(g).mul(1 - beta2));
        state.expAvg = m;
        state.expAvgSq = v;
        const biasCorrection1 = 1 - beta1 ** step;
        const biasCorrection2 = 1 - beta2 ** step;
        const corrected = m.div(biasCorrection1);
        const rhoInf = 2 / (1 - beta2) - 1;
        const rhoT = rhoInf - (2 * step * beta2 ** step) / biasCorrection2;
        if (rhoT > 5) {
          const rect = Math.sqrt(
            ((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT),
          );
          const adaptive = div(Math.sqrt(biasCorrection2), v.sqrt().add(eps));
          p.sub_(corrected.mul(lr).mul(adaptive).mul(rect));
        } else p.sub_(corrected.mul(lr));
      }
    });
  }
}
